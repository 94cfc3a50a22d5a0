package org.lmobservatory.feeds;

import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndContentImpl;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndEntryImpl;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndFeedImpl;
import com.rometools.rome.feed.synd.SyndLink;
import com.rometools.rome.feed.synd.SyndLinkImpl;
import com.rometools.rome.feed.synd.SyndPerson;
import com.rometools.rome.feed.synd.SyndPersonImpl;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedOutput;

import java.net.URI;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.function.Function;

/**
 * An Atom 1.0 feed (RFC 4287) of releases becoming current, written by ROME. Entry ids are tag: URIs (RFC 4151) made
 * of the server's host, the dataset, the release and, for a rollback, the activation, so an entry keeps its id forever
 * and a rollback is a new entry rather than a change to the old one. updated is the moment the release became current.
 */
final class ReleaseFeed {
    /** Titles by dataset id, in the feed's language. */
    record Titles(Function<String, String> ofDataset, String feedTitle) {
    }

    private final String baseUrl;
    private final String tagAuthority;

    ReleaseFeed(String baseUrl) {
        this.baseUrl = baseUrl;
        // tag:<authority>,<date>: the date says when the authority owned the name; fixed, so ids never change.
        String host = URI.create(baseUrl).getHost();
        this.tagAuthority = (host == null ? "localhost" : host) + ",2025";
    }

    String entryId(Activation a) {
        String id = "tag:" + tagAuthority + ":lmo/datasets/" + a.datasetId() + "/releases/" + a.releaseId();
        return a.reason().equals("rollback") ? id + "/rollback/" + a.activationId() : id;
    }

    String feedId(String datasetId) {
        return "tag:" + tagAuthority + ":lmo/feeds/releases" + (datasetId == null ? "" : "/" + datasetId);
    }

    String write(String datasetId, String selfPath, List<Activation> activations, Titles titles, String lang) {
        SyndFeed feed = new SyndFeedImpl();
        feed.setFeedType("atom_1.0");
        feed.setUri(feedId(datasetId));
        feed.setTitle(titles.feedTitle());
        feed.setLanguage(lang);
        feed.setLinks(List.of(link("self", baseUrl + selfPath, "application/atom+xml"),
                link("alternate", baseUrl + (datasetId == null ? "/v1/datasets" : "/v1/datasets/" + datasetId + "/releases"), "application/json")));
        feed.setAuthors(List.of(author()));
        // An empty feed still needs an updated date (RFC 4287 4.2.15): the epoch says nothing has happened yet.
        feed.setPublishedDate(activations.isEmpty() ? new Date(0) : Date.from(activations.get(0).activatedAt()));
        List<SyndEntry> entries = new ArrayList<>();
        for (Activation a : activations) entries.add(entry(a, titles.ofDataset().apply(a.datasetId()), lang));
        feed.setEntries(entries);
        try {
            return new SyndFeedOutput().outputString(feed, true);
        } catch (FeedException e) {
            throw new IllegalStateException("Atom feed could not be written", e);
        }
    }

    private SyndEntry entry(Activation a, String datasetTitle, String lang) {
        String dataset = baseUrl + "/v1/datasets/" + a.datasetId();
        String permanent = dataset + "/observations?release=" + a.releaseId();
        SyndEntry e = new SyndEntryImpl();
        e.setUri(entryId(a));
        e.setTitle(FeedWords.entryTitle(datasetTitle, a, lang));
        e.setUpdatedDate(Date.from(a.activatedAt()));
        e.setPublishedDate(Date.from(a.publishedAt()));
        e.setAuthors(List.of(author()));
        List<SyndLink> links = new ArrayList<>();
        links.add(link("alternate", permanent, "application/json"));
        // RFC 8574: the URL to cite these numbers by; the same URL the observations' citation carries.
        links.add(link("cite-as", permanent, "application/json"));
        links.add(link("related", dataset + "/releases", "application/json"));
        links.add(link("related", dataset + "/download?release=" + a.releaseId(), "application/gzip"));
        e.setLinks(links);
        SyndContent summary = new SyndContentImpl();
        summary.setType("text");
        StringBuilder text = new StringBuilder().append(a.rowCount()).append(" observations");
        if (a.periodMin() != null) text.append(", periods from ").append(a.periodMin()).append(" to ").append(a.periodMax());
        if (a.note() != null && !a.note().isBlank()) text.append(". ").append(a.note());
        summary.setValue(text.toString());
        e.setDescription(summary);
        return e;
    }

    private static SyndLink link(String rel, String href, String type) {
        SyndLink l = new SyndLinkImpl();
        l.setRel(rel);
        l.setHref(href);
        l.setType(type);
        return l;
    }

    private static SyndPerson author() {
        SyndPerson p = new SyndPersonImpl();
        p.setName("Labour Market Observatory");
        return p;
    }
}
