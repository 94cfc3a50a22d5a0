package org.lmobservatory.portal;

import org.lmobservatory.catalogue.CatalogueService;
import org.lmobservatory.catalogue.Code;
import org.lmobservatory.catalogue.Codelist;
import org.lmobservatory.catalogue.Dataset;
import org.lmobservatory.catalogue.Dimension;
import org.lmobservatory.errors.ErrorKind;
import org.lmobservatory.formats.Flags;
import org.lmobservatory.observations.ObservationRow;
import org.lmobservatory.observations.ObservationService;
import org.lmobservatory.observations.SeriesKey;
import org.lmobservatory.portal.Pages.AreaDataset;
import org.lmobservatory.portal.Pages.AreaPage;
import org.lmobservatory.portal.Pages.Cell;
import org.lmobservatory.portal.Pages.Fact;
import org.lmobservatory.portal.Pages.Frame;
import org.lmobservatory.portal.Pages.Link;
import org.lmobservatory.releases.Release;
import org.lmobservatory.web.Languages;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Prepares an area's page: every dataset whose current release has a series for the area (the catalogue's cached codes
 * of each release, one indexed read per release), and its latest values, read through the observations facade.
 */
final class AreaPages {
    /** A measure dimension with more codes than this shows its first ones only; the table has them all. */
    private static final int MAX_VALUES = 4;
    private static final int TABLE_PERIODS = 5;

    private final CatalogueService catalogue;
    private final ObservationService observations;

    AreaPages(CatalogueService catalogue, ObservationService observations) {
        this.catalogue = catalogue;
        this.observations = observations;
    }

    static String path(String lang, String code) {
        return "/" + lang + "/areas/" + DatasetSelection.encode(code);
    }

    /** A code no dataset's territorial codelist knows is a 404: the page would have nothing to say. */
    AreaPage page(String lang, String code, List<Dataset> all) throws Exception {
        PortalTexts t = new PortalTexts(lang);
        Code area = null;
        Codelist areaList = null;
        List<AreaDataset> datasets = new ArrayList<>();
        for (Dataset d : all) {
            Optional<Dimension> geo = d.geoDimension();
            if (geo.isEmpty() || d.currentReleaseId() == null) continue;
            Codelist list = catalogue.codelistOf(geo.get());
            Optional<Code> found = list.code(code);
            if (found.isEmpty()) continue;
            if (area == null) {
                area = found.get();
                areaList = list;
            }
            if (!catalogue.codesInRelease(d.currentReleaseId(), geo.get()).contains(code)) continue;
            Optional<Release> release = catalogue.currentRelease(d.id());
            if (release.isEmpty() || release.get().periodMax() == null) continue;
            AreaDataset latest = latest(d, geo.get(), release.get(), code, lang, t);
            if (latest != null) datasets.add(latest);
        }
        if (area == null) {
            throw ErrorKind.NOT_FOUND.error("No dataset has an area with code '" + code + "'. Area codes are those of the datasets' "
                    + "territorial dimension, e.g. FI_091 (Helsinki); see /v1/codelists/GEO.", Map.of("code", code));
        }
        String name = label(area, lang);
        Frame frame = PortalPages.frame(lang, name + " – " + t.get("siteName"), l -> path(l, code));
        Link partOf = area.parent() == null ? null : areaList.code(area.parent())
                .map(p -> new Link(withLevel(label(p, lang), p, t), path(lang, p.id()), null)).orElse(null);
        return new AreaPage(frame, code, name, t.get("areaHeading", "area", name), partOf, datasets);
    }

    /**
     * "Plovdiv (district)": a municipality and the district around it often share a name, and "part of Plovdiv"
     * alone reads as if the town were part of itself.
     */
    private static String withLevel(String label, Code area, PortalTexts t) {
        String key = "level." + area.level();
        return area.level() != null && t.has(key) ? label + " (" + t.get(key) + ")" : label;
    }

    /**
     * The latest period's values for the area: every code of a measure dimension (up to a few), the first code the
     * release uses of every other dimension (usually the total), as the dataset page's default does.
     */
    /** Null when the release, despite its codes, has no series for the area in its latest period. */
    private AreaDataset latest(Dataset d, Dimension geo, Release release, String code, String lang, PortalTexts t) throws Exception {
        Map<String, Codelist> codelists = new LinkedHashMap<>();
        d.dimensions().forEach(dim -> codelists.put(dim.id(), catalogue.codelistOf(dim)));
        Map<String, List<String>> codes = new LinkedHashMap<>();
        for (Dimension dim : d.dimensions()) {
            if (dim.isGeo()) {
                codes.put(dim.id(), List.of(code));
                continue;
            }
            var used = catalogue.codesInRelease(release.id(), dim);
            List<String> inOrder = codelists.get(dim.id()).codes().stream().map(Code::id).filter(used::contains).toList();
            boolean measures = dim.id().equals(d.measureDimensionId());
            codes.put(dim.id(), inOrder.subList(0, Math.min(inOrder.size(), measures ? MAX_VALUES : 1)));
        }
        LocalDate last = release.periodMax();
        List<LocalDate> periods = DatasetPages.periods(d.frequency(), release);
        DatasetSelection selection = new DatasetSelection(codes, periods.get(Math.max(0, periods.size() - TABLE_PERIODS)), last,
                DatasetSelection.TIME);
        Map<String, List<String>> filters = new LinkedHashMap<>(selection.apiFilters(d.frequency()));
        filters.put("time", List.of(d.frequency().label(last)));
        SelectedData data = SelectedData.read(observations, release, d.id(), filters, lang, DatasetPages.MAX_CELLS);
        if (data.series().isEmpty()) {
            // The totals are not published for this area: the first series the area has in the latest period instead.
            SelectedData any = SelectedData.read(observations, release, d.id(),
                    Map.of(geo.id(), List.of(code), "time", List.of(d.frequency().label(last))), lang, DatasetPages.MAX_CELLS);
            if (any.series().isEmpty()) return null;
            int first = any.rows().stream().filter(r -> r.value() != null).map(ObservationRow::seriesIndex).findFirst().orElse(0);
            List<String> codesOfFirst = any.series().get(first).codes();
            for (Dimension dim : d.dimensions()) {
                if (!dim.isGeo() && !dim.id().equals(d.measureDimensionId())) codes.put(dim.id(), List.of(codesOfFirst.get(dim.position())));
            }
            selection = new DatasetSelection(codes, selection.from(), last, DatasetSelection.TIME);
            filters = new LinkedHashMap<>(selection.apiFilters(d.frequency()));
            filters.put("time", List.of(d.frequency().label(last)));
            data = SelectedData.read(observations, release, d.id(), filters, lang, DatasetPages.MAX_CELLS);
        }
        PivotTable pivot = new PivotTable(d, codelists, lang);
        List<Fact> values = new ArrayList<>();
        List<String> of = new ArrayList<>();
        for (Dimension dim : d.dimensions()) {
            if (dim.isGeo() || dim.id().equals(d.measureDimensionId())) continue;
            codes.get(dim.id()).forEach(c -> of.add(pivot.dimensionLabel(dim) + ": " + pivot.label(dim, c)));
        }
        Map<Integer, ObservationRow> byIndex = new LinkedHashMap<>();
        data.rows().forEach(r -> byIndex.put(r.seriesIndex(), r));
        for (int i = 0; i < data.series().size(); i++) {
            SeriesKey s = data.series().get(i);
            Cell cell = pivot.cell(s.codes(), byIndex.get(i));
            String unitLabel = d.measureOf(s.codes()).filter(m -> !m.isCategory()).map(m -> Languages.pick(m.unit().label(), lang))
                    .orElse(d.measureDimension().isPresent() || d.unit() == null ? null : Languages.pick(d.unit().label(), lang));
            String unit = unitLabel == null ? "" : unitLabel;
            String label = d.measureDimension().map(md -> pivot.label(md, s.codes().get(md.position()))).orElse(d.frequency().label(last));
            StringBuilder text = new StringBuilder(cell.text());
            if ("value".equals(cell.kind()) && !unit.isEmpty()) text.append(unit.equals("%") ? "\u00a0%" : " " + unit);
            // A flag in words, since this page has no legend: "(p: provisional)".
            if (cell.flags() != null) {
                for (char f : cell.flags().toCharArray()) {
                    String meaning = Flags.meaning(String.valueOf(f), lang);
                    text.append(" (").append(f).append(meaning.equals(String.valueOf(f)) ? "" : ": " + meaning).append(')');
                }
            }
            values.add(new Fact(label, text.toString()));
        }
        return new AreaDataset(Languages.pick(d.title(), lang), d.frequency().label(last), String.join("; ", of), values,
                DatasetPages.path(lang, d.id()) + "?" + selection.pageQuery(d.frequency()), "/v1/datasets/" + d.id() + "?lang=" + lang);
    }

    private static String label(Code c, String lang) {
        String label = Languages.pick(c.labels(), lang);
        return label == null ? c.id() : label;
    }
}
