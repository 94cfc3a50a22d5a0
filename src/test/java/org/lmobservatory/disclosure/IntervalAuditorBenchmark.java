package org.lmobservatory.disclosure;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Not a test: times the auditor on a release-shaped model. Each block is a 32×32 table with a three-level hierarchy
 * on both dimensions (1,024 cells, 832 sum constraints); about 13 % of cells hidden, the rest published with noise
 * in [-2, 2]; every hidden cell a target with protection 3.
 * <pre>
 * mvn -q test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * java -cp "target/test-classes:target/classes:$(cat target/cp.txt)" \
 *     org.lmobservatory.disclosure.IntervalAuditorBenchmark [blocks=75] [hiddenShare=0.13]
 * </pre>
 */
public final class IntervalAuditorBenchmark {
    private static final int SIDE = 32;
    private static final int[] PARENT = new int[SIDE];

    static {
        // Code 0 is the total, 1–3 regions, 4–12 subregions, 13–31 leaves.
        PARENT[0] = -1;
        for (int i = 1; i <= 3; i++) PARENT[i] = 0;
        for (int i = 4; i <= 12; i++) PARENT[i] = 1 + (i - 4) / 3;
        for (int i = 13; i < SIDE; i++) PARENT[i] = 4 + (i - 13) % 9;
    }

    public static void main(String[] args) {
        int blocks = args.length > 0 ? Integer.parseInt(args[0]) : 75;
        double hiddenShare = args.length > 1 ? Double.parseDouble(args[1]) : 0.13;
        Random rnd = new Random(7);
        AttackerModel model = new AttackerModel();
        List<Target> targets = new ArrayList<>();
        long buildStart = System.nanoTime();
        for (int b = 0; b < blocks; b++) addBlock(model, targets, rnd, "b" + b + ".", hiddenShare);
        long buildMillis = (System.nanoTime() - buildStart) / 1_000_000;
        System.out.printf("model: %d variables, %d constraints, %d targets, built in %d ms%n",
                model.variableCount(), model.constraintCount(), targets.size(), buildMillis);

        AuditResult r = IntervalAuditor.audit(model, targets);
        System.out.printf("audit: %d ms, %d LP + %d MIP solves, %d failures (%d exact), smallest margin %.1f%n",
                r.elapsedMillis(), r.lpSolves(), r.mipSolves(), r.failures().size(),
                r.failures().stream().filter(Finding::exact).count(), r.smallestMargin());
        r.failures().stream().limit(5).forEach(f -> System.out.println("  e.g. " + f));
        System.out.printf("per block: %.0f ms, %.1f solves; per solve %.1f ms (on %d cores)%n",
                (double) r.elapsedMillis() / blocks, (double) (r.lpSolves() + r.mipSolves()) / blocks,
                (double) r.elapsedMillis() * Runtime.getRuntime().availableProcessors() / Math.max(1, r.lpSolves() + r.mipSolves()),
                Runtime.getRuntime().availableProcessors());
    }

    private static void addBlock(AttackerModel model, List<Target> targets, Random rnd, String prefix, double hiddenShare) {
        long[][] truth = new long[SIDE][SIDE];
        for (int i = 13; i < SIDE; i++) {
            for (int j = 13; j < SIDE; j++) {
                long leaf = rnd.nextInt(40);
                for (int p = i; p >= 0; p = PARENT[p]) for (int q = j; q >= 0; q = PARENT[q]) truth[p][q] += leaf;
            }
        }
        int[][] x = new int[SIDE][SIDE];
        for (int i = 0; i < SIDE; i++) {
            for (int j = 0; j < SIDE; j++) {
                long t = truth[i][j];
                String name = prefix + i + "," + j;
                if (rnd.nextDouble() < hiddenShare) {
                    x[i][j] = model.variable(name, 0, truth[0][0]);
                    targets.add(new Target(name, LinearExpression.variable(x[i][j]), t, Math.min(3, t), 3));
                } else {
                    long published = t + rnd.nextInt(5) - 2;
                    x[i][j] = model.variable(name, Math.max(0, published - 2), published + 2);
                }
            }
        }
        for (int p = 0; p < 13; p++) {
            for (int k = 0; k < SIDE; k++) {
                List<Integer> rowParts = new ArrayList<>();
                List<Integer> columnParts = new ArrayList<>();
                for (int c = 1; c < SIDE; c++) {
                    if (PARENT[c] != p) continue;
                    rowParts.add(x[c][k]);
                    columnParts.add(x[k][c]);
                }
                model.equal(x[p][k], rowParts);
                model.equal(x[k][p], columnParts);
            }
        }
    }
}
