package org.lmobservatory.catalogue;

import io.javalin.http.Context;
import io.javalin.openapi.HttpMethod;
import io.javalin.openapi.OpenApi;
import io.javalin.openapi.OpenApiContent;
import io.javalin.openapi.OpenApiParam;
import io.javalin.openapi.OpenApiResponse;
import io.javalin.router.JavalinDefaultRouting;
import org.lmobservatory.catalogue.ApiRecords.CodeView;
import org.lmobservatory.catalogue.ApiRecords.CodelistView;
import org.lmobservatory.catalogue.ApiRecords.GroupView;
import org.lmobservatory.catalogue.ApiRecords.GroupingVersionView;
import org.lmobservatory.catalogue.ApiRecords.GroupingView;
import org.lmobservatory.catalogue.ApiRecords.DatasetList;
import org.lmobservatory.catalogue.ApiRecords.DatasetMetadata;
import org.lmobservatory.catalogue.ApiRecords.DatasetSummary;
import org.lmobservatory.catalogue.ApiRecords.DimensionView;
import org.lmobservatory.catalogue.ApiRecords.LifecycleView;
import org.lmobservatory.catalogue.ApiRecords.Links;
import org.lmobservatory.catalogue.ApiRecords.MeasureView;
import org.lmobservatory.catalogue.ApiRecords.MeasuresView;
import org.lmobservatory.catalogue.ApiRecords.ReleaseView;
import org.lmobservatory.catalogue.ApiRecords.SuccessorView;
import org.lmobservatory.catalogue.ApiRecords.TimeCoverage;
import org.lmobservatory.catalogue.ApiRecords.UnitView;
import org.lmobservatory.releases.Release;
import org.lmobservatory.web.NotAcceptable;
import org.lmobservatory.web.RouteSet;
import org.lmobservatory.web.Languages;
import org.lmobservatory.web.Problem;
import org.lmobservatory.web.QueryParams;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** HTTP endpoints of the catalogue: translate the request, call {@link CatalogueService}, respond. */
public final class CatalogueRoutes implements RouteSet {
    public static final String DATASETS = "/v1/datasets";
    public static final String DATASET = "/v1/datasets/{datasetId}";
    public static final String CODELIST = "/v1/codelists/{codelistId}";
    /** The codelist whose codes are the catalogue's themes. */
    static final String THEME_CODELIST = "THEME";

    private final CatalogueService catalogue;

    public CatalogueRoutes(CatalogueService catalogue) {
        this.catalogue = catalogue;
    }

    @Override
    public void register(JavalinDefaultRouting routing) {
        routing.get(DATASETS, NotAcceptable.json(this::listDatasets));
        routing.get(DATASET, NotAcceptable.json(this::getDataset));
        routing.get(CODELIST, NotAcceptable.json(this::getCodelist));
    }

    @OpenApi(path = DATASETS, methods = HttpMethod.GET, tags = "Catalogue", operationId = "listDatasets",
            summary = "List datasets",
            description = "The catalogue. Filter by theme and search by free text over titles, descriptions, keywords and the labels of the codes each dataset uses "
                    + "(places, occupations, fields of education), in every language: case, accents and word endings ignored, every word must match, best match first "
                    + "(a title match before a code label match before a description match). Without q, in id order.",
            queryParams = {
                    @OpenApiParam(name = "theme", description = "A code of codelist THEME (GET /v1/codelists/THEME), e.g. labour-market, education, graduate-outcomes, skills-demand"),
                    @OpenApiParam(name = "q", description = "Free text, e.g. 'unemployment', 'bezrobocie', 'työttömät' or 'Plovdiv'"),
                    @OpenApiParam(name = "lang", description = "Label language: en, sq, sr, fi, sv, bg, pl, cs (falls back to English)")
            },
            responses = {
                    @OpenApiResponse(status = "200", content = @OpenApiContent(from = DatasetList.class)),
                    @OpenApiResponse(status = "400", content = @OpenApiContent(from = Problem.class, mimeType = "application/problem+json"))
            })
    void listDatasets(Context ctx) {
        QueryParams.requireOnly(ctx, Set.of("theme", "q", "lang"));
        String lang = Languages.from(ctx);
        String theme = QueryParams.oneOf(ctx, "theme", null, themes().codes().stream().map(Code::id).collect(Collectors.toSet()));
        String q = QueryParams.single(ctx, "q");
        List<DatasetSummary> summaries = catalogue.search(theme, q).stream().map(d -> summary(d, lang)).toList();
        List<String> warnings = summaries.isEmpty() ? List.of("No dataset matches these filters.") : List.of();
        ctx.json(new DatasetList(summaries.size(), summaries, warnings));
    }

    @OpenApi(path = DATASET, methods = HttpMethod.GET, tags = "Catalogue", operationId = "getDataset",
            summary = "Dataset metadata",
            description = "Full metadata of a dataset: unit, source, licence, methodology, the current release, time coverage, and every dimension with the codes that occur in the current release. "
                    + "Datasets under disclosure control also say how empty cells come about: thresholds, method and the release's audit.",
            pathParams = @OpenApiParam(name = "datasetId", required = true, description = "Dataset id, e.g. unemployment-rate"),
            queryParams = @OpenApiParam(name = "lang", description = "Label language (falls back to English)"),
            responses = {
                    @OpenApiResponse(status = "400", content = @OpenApiContent(from = Problem.class, mimeType = "application/problem+json")),
                    @OpenApiResponse(status = "200", content = @OpenApiContent(from = DatasetMetadata.class)),
                    @OpenApiResponse(status = "404", content = @OpenApiContent(from = Problem.class, mimeType = "application/problem+json"))
            })
    void getDataset(Context ctx) {
        QueryParams.requireOnly(ctx, Set.of("lang"));
        String lang = Languages.from(ctx);
        Dataset d = catalogue.dataset(ctx.pathParam("datasetId"));
        Optional<Release> release = catalogue.currentRelease(d.id());
        List<DimensionView> dimensions = d.dimensions().stream().map(dim -> {
            Codelist codelist = catalogue.codelistOf(dim);
            Set<String> used = release.map(r -> catalogue.codesInRelease(r.id(), dim)).orElse(Set.of());
            List<CodeView> codes = codelist.codes().stream()
                    .filter(c -> used.contains(c.id()))
                    .map(c -> new CodeView(c.id(), Languages.pick(c.labels(), lang), c.parent(), c.level()))
                    .toList();
            return new DimensionView(dim.id(), Languages.pick(dim.label(), lang), dim.role(), dim.codelistId(), codes);
        }).toList();
        ctx.json(new DatasetMetadata(d.id(), Languages.pick(d.title(), lang), Languages.pick(d.description(), lang), d.theme(),
                themeLabel(d, lang), d.keywords(), d.frequency().name(), unit(d, lang), d.source(), d.licence(), d.contact(),
                Languages.pick(d.methodology(), lang), d.demonstration(), lang,
                release.map(r -> new ReleaseView(r.id(), r.publishedAt(), r.rowCount(), r.note())).orElse(null),
                coverage(d, release), dimensions, links(d), release.flatMap(r -> catalogue.disclosure(r.id())).orElse(null),
                measures(d, lang), lifecycle(d)));
    }

    private Codelist themes() {
        return catalogue.codelist(THEME_CODELIST);
    }

    private String themeLabel(Dataset d, String lang) {
        return themes().code(d.theme()).map(c -> Languages.pick(c.labels(), lang)).orElse(d.theme());
    }

    /** Null while the dataset is produced, so active datasets carry no lifecycle member. */
    static LifecycleView lifecycle(Dataset d) {
        Dataset.Lifecycle l = d.lifecycle();
        if (!l.discontinued()) return null;
        return new LifecycleView("discontinued", l.discontinuedOn().toString(), l.successor(),
                l.successor() == null ? null : DATASETS + "/" + l.successor());
    }

    private MeasuresView measures(Dataset d, String lang) {
        return d.measureDimension().map(dim -> {
            Codelist codelist = catalogue.codelistOf(dim);
            List<MeasureView> measures = d.measures().values().stream()
                    .map(m -> new MeasureView(m.code(), codelist.code(m.code()).map(c -> Languages.pick(c.labels(), lang)).orElse(m.code()),
                            m.kind().id(), unit(m.unit(), lang), m.numerator(), m.denominator(), m.scale(), m.codelist(),
                            m.isCategory() ? m.categories().stream().map(c -> new CodeView(c.id(), Languages.pick(c.labels(), lang), c.parent(), c.level())).toList() : null))
                    .toList();
            return new MeasuresView(dim.id(), measures);
        }).orElse(null);
    }

    @OpenApi(path = CODELIST, methods = HttpMethod.GET, tags = "Catalogue", operationId = "getCodelist",
            summary = "Codelist",
            description = "All codes of a codelist with labels, parent codes (the hierarchy) and levels; for versioned classifications such as NUTS also the versions each code is valid in and its successors in later versions; and the groupings users defined over it (e.g. employment areas of municipalities) with their groups, members and validity.",
            pathParams = @OpenApiParam(name = "codelistId", required = true, description = "Codelist id, e.g. GEO"),
            queryParams = @OpenApiParam(name = "lang", description = "Label language (falls back to English)"),
            responses = {
                    @OpenApiResponse(status = "400", content = @OpenApiContent(from = Problem.class, mimeType = "application/problem+json")),
                    @OpenApiResponse(status = "200", content = @OpenApiContent(from = CodelistView.class)),
                    @OpenApiResponse(status = "404", content = @OpenApiContent(from = Problem.class, mimeType = "application/problem+json"))
            })
    void getCodelist(Context ctx) {
        QueryParams.requireOnly(ctx, Set.of("lang"));
        String lang = Languages.from(ctx);
        Codelist c = catalogue.codelist(ctx.pathParam("codelistId"));
        List<CodeView> codes = c.codes().stream()
                .map(code -> new CodeView(code.id(), Languages.pick(code.labels(), lang), code.parent(), code.level(), code.validIn(),
                        code.successors().stream().map(s -> new SuccessorView(s.id(), s.kind(), s.fromVersion(), s.toVersion())).toList()))
                .toList();
        List<GroupingView> groupings = catalogue.groupings(c.id()).stream()
                .map(g -> new GroupingView(g.id(), g.version(), Languages.pick(g.labels(), lang), Languages.pick(g.description(), lang),
                        g.loadedAt(), groupViews(g.groups(), lang), g.earlier().stream()
                        .map(v -> new GroupingVersionView(v.version(), v.loadedAt(), groupViews(v.groups(), lang))).toList()))
                .toList();
        ctx.json(new CodelistView(c.id(), c.version(), Languages.pick(c.title(), lang), Languages.pick(c.note(), lang), lang,
                List.copyOf(c.levels()), codes.size(), codes, groupings));
    }

    private static List<GroupView> groupViews(List<Grouping.Group> groups, String lang) {
        return groups.stream().map(x -> new GroupView(x.code(), Languages.pick(x.labels(), lang), x.validFrom(), x.validTo(), x.members())).toList();
    }

    private DatasetSummary summary(Dataset d, String lang) {
        Optional<Release> release = catalogue.currentRelease(d.id());
        return new DatasetSummary(d.id(), Languages.pick(d.title(), lang), Languages.pick(d.description(), lang), d.theme(),
                themeLabel(d, lang), d.keywords(), d.frequency().name(), unit(d, lang), d.demonstration(),
                release.map(Release::publishedAt).orElse(null), coverage(d, release), links(d), lifecycle(d));
    }

    private static UnitView unit(Dataset d, String lang) {
        return unit(d.unit(), lang);
    }

    private static UnitView unit(Unit u, String lang) {
        return new UnitView(u.id(), Languages.pick(u.label(), lang), u.multiplier(), u.decimals());
    }

    private static TimeCoverage coverage(Dataset d, Optional<Release> release) {
        return release.filter(r -> r.periodMin() != null)
                .map(r -> new TimeCoverage(d.frequency().label(r.periodMin()), d.frequency().label(r.periodMax()),
                        d.frequency().periodsBetween(r.periodMin(), r.periodMax())))
                .orElse(null);
    }

    private static Links links(Dataset d) {
        String self = DATASETS + "/" + d.id();
        return new Links(self, self + "/observations", self + "/observations?format=csv");
    }
}
