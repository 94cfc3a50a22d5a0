package org.lmobservatory.publishing;

import org.jdbi.v3.core.Jdbi;
import org.lmobservatory.catalogue.Dataset;
import org.lmobservatory.catalogue.Dimension;
import org.lmobservatory.errors.ErrorKind;
import org.lmobservatory.loader.LoadError;
import org.lmobservatory.loader.LoadErrors;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds an upload's report from what staging keeps of the load: its status, its errors, its difference from the current release. */
final class UploadReports {
    private final Jdbi owner;
    private final int sampleLimit;

    UploadReports(Jdbi owner, int sampleLimit) {
        this.owner = owner;
        this.sampleLimit = sampleLimit;
    }

    UploadReport of(Dataset dataset, long loadId, String message) {
        return owner.inTransaction(h -> {
            UploadDao dao = h.attach(UploadDao.class);
            UploadDao.LoadRow load = dao.load(dataset.id(), loadId).orElseThrow(() -> ErrorKind.UNKNOWN_LOAD.error(
                    "Dataset " + dataset.id() + " has no load " + loadId + "."));
            List<String> errors = dao.errors(loadId, LoadErrors.MAX_KEPT).stream()
                    .map(e -> new LoadError(load.fileName(), e.lineNo(), e.col(), e.message()).toString()).toList();
            UploadReport.UploadChanges changes = "valid".equals(load.status())
                    ? changes(dataset, dao.changes(dataset.id(), loadId, "merge".equals(load.mode()), sampleLimit)) : null;
            return new UploadReport(load.id(), dataset.id(), load.status(), load.fileName(), load.format(), load.checksum(),
                    load.rowCount(), load.errorCount(), errors, changes, load.releaseId(), message == null ? describe(load) : message);
        });
    }

    private UploadReport.UploadChanges changes(Dataset dataset, List<UploadDao.ChangeRow> rows) {
        List<String> dimensions = dataset.dimensions().stream().map(Dimension::id).toList();
        List<UploadReport.CellChange> sample = rows.stream().map(r -> new UploadReport.CellChange(r.change(), key(dimensions, r.key()),
                r.periodStart().toString(), r.oldValue(), r.oldFlags(), r.newValue(), r.newFlags(), r.lineNo())).toList();
        if (rows.isEmpty()) return new UploadReport.UploadChanges(0, 0, 0, sampleLimit, List.of());
        UploadDao.ChangeRow first = rows.get(0);
        return new UploadReport.UploadChanges(first.added(), first.removed(), first.revised(), sampleLimit, sample);
    }

    private static Map<String, String> key(List<String> dimensions, List<String> codes) {
        Map<String, String> key = new LinkedHashMap<>();
        for (int i = 0; i < codes.size(); i++) key.put(i < dimensions.size() ? dimensions.get(i) : "dim" + i, codes.get(i));
        return key;
    }

    private static String describe(UploadDao.LoadRow load) {
        return switch (load.status()) {
            case "valid" -> load.fileName() + ": " + load.rowCount() + " rows valid, staged as load " + load.id() + "; not published yet.";
            case "invalid" -> load.fileName() + ": " + load.errorCount() + " error(s); nothing was staged for publishing.";
            case "published" -> "Load " + load.id() + " was published as release " + load.releaseId() + ".";
            default -> "Load " + load.id() + " is " + load.status() + ".";
        };
    }
}
