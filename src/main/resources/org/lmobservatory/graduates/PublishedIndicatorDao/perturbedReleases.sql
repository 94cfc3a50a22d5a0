-- Releases published with the cell-key noise rule; earlier ones are not linked.
SELECT r.id FROM published.release r
WHERE r.dataset_id = :ds
  AND EXISTS (SELECT 1 FROM published.release_disclosure d WHERE d.release_id = r.id AND d.rule = 'noise')
ORDER BY r.id
