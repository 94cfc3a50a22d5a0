package org.lmobservatory.widgets;

import java.util.ArrayList;
import java.util.List;

/** A value axis with "nice" ticks (1, 2, 2.5, 5 × 10ⁿ) that starts at zero unless that would flatten the data. */
final class ChartScale {
    final double min;
    final double max;
    final List<Double> ticks = new ArrayList<>();
    final int decimals;

    private ChartScale(double min, double max, double step) {
        this.min = min;
        this.max = max;
        for (double v = min; v <= max + step / 2; v += step) ticks.add(Math.abs(v) < step / 1e6 ? 0 : v);
        int d = (int) Math.max(0, -Math.floor(Math.log10(step) + 1e-9));
        if (Math.abs(step / Math.pow(10, -d) - Math.rint(step / Math.pow(10, -d))) > 1e-6) d++;
        this.decimals = d;
    }

    static ChartScale of(List<Double> values, int datasetDecimals) {
        double lo = values.stream().mapToDouble(Double::doubleValue).min().orElse(0);
        double hi = values.stream().mapToDouble(Double::doubleValue).max().orElse(1);
        if (lo >= 0 && lo < 0.4 * hi) lo = 0;
        if (hi <= 0 && hi > 0.4 * lo) hi = 0;
        if (hi == lo) {
            double pad = hi == 0 ? 1 : Math.abs(hi) * 0.1;
            lo -= pad;
            hi += pad;
            if (values.stream().allMatch(v -> v >= 0) && lo < 0) lo = 0;
        }
        double step = nice((hi - lo) / 4);
        return new ChartScale(Math.floor(lo / step) * step, Math.ceil(hi / step) * step, step);
    }

    private static double nice(double raw) {
        double exponent = Math.floor(Math.log10(raw));
        double fraction = raw / Math.pow(10, exponent);
        double nice = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 2.5 ? 2.5 : fraction <= 5 ? 5 : 10;
        return nice * Math.pow(10, exponent);
    }

    double y(double value, double top, double bottom) {
        return bottom - (value - min) / (max - min) * (bottom - top);
    }

    double x(double value, double left, double right) {
        return left + (value - min) / (max - min) * (right - left);
    }
}
