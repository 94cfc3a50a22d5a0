package org.lmobservatory.calendar;

import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.transaction.TransactionIsolationLevel;
import org.lmobservatory.calendar.CalendarViews.CalendarEntry;
import org.lmobservatory.calendar.CalendarViews.ReleaseCalendar;
import org.lmobservatory.calendar.CalendarViews.ScheduleChange;
import org.lmobservatory.catalogue.CatalogueService;
import org.lmobservatory.db.QueryAdmission;
import org.lmobservatory.web.Languages;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The advance release calendar (European Statistics Code of Practice, principle 6): every scheduled release with its
 * announced instant, what was announced before and why it moved, and cancellations. Read fresh on every request: it is
 * small, and a reschedule by another process must show at once.
 */
public final class CalendarService {
    static final int RECENT_DAYS = 90;

    private final Jdbi jdbi;
    private final CatalogueService catalogue;
    private final QueryAdmission admission;
    private final String baseUrl;

    public CalendarService(Jdbi lookups, CatalogueService catalogue, QueryAdmission admission, String baseUrl) {
        this.jdbi = lookups;
        this.catalogue = catalogue;
        this.admission = admission;
        this.baseUrl = baseUrl;
    }

    /** datasetId: null for every dataset; an unknown one is a 404 (from the catalogue). */
    public ReleaseCalendar calendar(String datasetId, String lang) {
        if (datasetId != null) catalogue.dataset(datasetId);
        record Read(List<CalendarDao.Row> rows, List<CalendarDao.Change> changes) {
        }
        Read read = admission.get(() -> jdbi.inTransaction(TransactionIsolationLevel.REPEATABLE_READ, h -> {
            CalendarDao dao = h.attach(CalendarDao.class);
            List<CalendarDao.Row> rows = dao.entries(datasetId, RECENT_DAYS);
            return new Read(rows, rows.isEmpty() ? List.of() : dao.changes(rows.stream().map(CalendarDao.Row::id).toArray(Long[]::new)));
        }));
        Map<Long, List<ScheduleChange>> changes = new HashMap<>();
        for (CalendarDao.Change c : read.changes()) {
            changes.computeIfAbsent(c.releaseId(), k -> new ArrayList<>()).add(new ScheduleChange(c.action(), instant(c.announcedAt()),
                    instant(c.previousAt()), c.reason(), instant(c.changedAt())));
        }
        List<CalendarEntry> entries = read.rows().stream().map(r -> {
            List<ScheduleChange> history = changes.getOrDefault(r.id(), List.of());
            int sequence = (int) history.stream().filter(c -> c.action().equals("rescheduled") || c.action().equals("cancelled")).count();
            return new CalendarEntry(r.id(), r.datasetId(), title(r.datasetId(), lang), r.status(), instant(r.announcedAt()),
                    instant(r.publishedAt()), sequence, r.note(),
                    "published".equals(r.status()) ? baseUrl + "/v1/datasets/" + r.datasetId() + "/observations?release=" + r.id() : null,
                    history);
        }).toList();
        return new ReleaseCalendar(datasetId, entries.size(), entries);
    }

    private String title(String datasetId, String lang) {
        return Languages.pick(catalogue.dataset(datasetId).title(), lang);
    }

    private static Instant instant(OffsetDateTime t) {
        return t == null ? null : t.toInstant();
    }
}
