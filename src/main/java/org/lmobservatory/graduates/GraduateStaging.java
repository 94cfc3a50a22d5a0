package org.lmobservatory.graduates;

import org.jdbi.v3.core.Handle;
import org.lmobservatory.db.CopyText;
import org.lmobservatory.disclosure.CellKeyNoise;
import org.lmobservatory.graduates.GraduateRecord.FollowUp;
import org.lmobservatory.loader.LoadErrors;

import java.sql.SQLException;

/** Writes graduate records into staging.graduate (COPY), and finds duplicate ids there rather than in memory. */
final class GraduateStaging implements AutoCloseable {
    private final CopyText copy;
    private final long loadId;
    private final CellKeyNoise keys;

    GraduateStaging(Handle h, long loadId, CellKeyNoise keys) throws SQLException {
        this.loadId = loadId;
        this.keys = keys;
        this.copy = h.attach(GraduateDao.class).copyGraduates();
    }

    void write(GraduateRecord g) throws SQLException {
        copy.field(loadId).field(g.line()).field(g.graduateId()).field(g.school()).field(g.schoolName()).field(g.country())
                .field(g.region()).field(g.municipality()).field(g.field()).field(g.iscedLevel()).field(g.sex()).field(g.graduationYear());
        for (FollowUp f : g.followUps()) copy.field(f.status().code());
        for (FollowUp f : g.followUps()) copy.field(f.earningsBand());
        for (FollowUp f : g.followUps()) copy.field(f.inField());
        copy.field(keys.recordKey(g.graduateId())).field(keys.contentHash(content(g)));
        copy.endRow();
    }

    /** Everything that decides what the record counts in: a change to any of it redraws its cohort's noise. */
    private static String content(GraduateRecord g) {
        StringBuilder sb = new StringBuilder();
        for (Object o : new Object[]{g.graduateId(), g.school(), g.country(), g.region(), g.municipality(), g.field(), g.iscedLevel(),
                g.sex(), g.graduationYear()}) sb.append(o).append('\u0001');
        for (FollowUp f : g.followUps()) sb.append(f.status()).append('\u0001').append(f.earningsBand()).append('\u0001').append(f.inField()).append('\u0001');
        return sb.toString();
    }

    long finish() throws SQLException {
        return copy.finish();
    }

    /** Every repeated graduate id, reported at its later lines. */
    static void reportDuplicates(Handle h, long loadId, LoadErrors errors) {
        for (GraduateDao.DuplicateId d : h.attach(GraduateDao.class).duplicateIds(loadId, LoadErrors.MAX_KEPT)) {
            errors.add(d.lineNo(), "graduate_id", "graduate_id '" + d.graduateId() + "' appears twice: also on line " + d.firstLine());
        }
    }

    @Override
    public void close() throws SQLException {
        copy.close();
    }
}
