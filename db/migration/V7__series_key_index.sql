-- Lets a filter on one code of a large dimension (a municipality among thousands) find its series through
-- "key && ARRAY[...]" instead of scanning every series of every dataset (bench/: 8.5 ms at 5M observations).
CREATE INDEX series_key_gin ON published.series USING gin (key);
