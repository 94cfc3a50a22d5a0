-- Datasets that match every word of the query, best first (see published.dataset_search, migration V13).
-- A text matches a word when the word is similar to one of its stretches of words (pg_trgm word similarity at
-- least pg_trgm.word_similarity_threshold, 0.6 by default: "bezrobocie" ~ "bezrobocia") or when they share a stem
-- under one of our text-search configurations ("työttömät" ~ "työttömien"). Both conditions are answered by GIN
-- indexes. A match weighs 4 in a title, 3 in a keyword, 2 in a code label, 1 in a description, times its
-- similarity: 0.9 × its word similarity (1 for a shared stem) + 0.1 × the similarity of the word to the whole text,
-- which breaks ties, so that "Helsinki" ranks the city before the region "Helsinki-Uusimaa". As a match's similarity
-- is then at least 0.54, a title match (2.16 or more) always outranks a code label match (2 at most), and a code
-- label match (1.08 or more) a description match.
WITH word AS (
    SELECT ord, lower(unaccent(w)) AS folded,
           plainto_tsquery('published.lmo_simple', w) || plainto_tsquery('published.lmo_english', w)
               || plainto_tsquery('published.lmo_finnish', w) || plainto_tsquery('published.lmo_swedish', w)
               || plainto_tsquery('published.lmo_serbian', w) AS stems
    FROM unnest(CAST(:words AS text[])) WITH ORDINALITY AS q(w, ord)
), best AS (
    SELECT s.dataset_id, word.ord,
           max(CASE s.field WHEN 'title' THEN 4 WHEN 'keyword' THEN 3 WHEN 'code' THEN 2 ELSE 1 END
               * (0.9 * greatest(CASE WHEN s.stems @@ word.stems THEN 1 ELSE 0 END, word_similarity(word.folded, s.folded))
                  + 0.1 * similarity(word.folded, s.folded))) AS score
    FROM word
    JOIN published.dataset_search s ON word.folded <% s.folded OR s.stems @@ word.stems
    GROUP BY s.dataset_id, word.ord
)
SELECT dataset_id
FROM best
GROUP BY dataset_id
HAVING count(*) = cardinality(CAST(:words AS text[]))
ORDER BY sum(score) DESC, dataset_id
