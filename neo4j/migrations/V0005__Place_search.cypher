// Place search (query places): the name full-text index with the CJK analyzer, which indexes runs of Chinese
// characters as overlapping bigrams, so any substring of two or more Chinese characters of a name is a phrase of the
// index (no word segmentation, no pinyin); and a point index on every place, so bounding-box and distance filters over
// outlets and facilities together are index seeks (V0001 indexes each label on its own).
CREATE FULLTEXT INDEX place_name IF NOT EXISTS FOR (n:Place) ON EACH [n.name]
  OPTIONS {indexConfig: {`fulltext.analyzer`: 'cjk'}};
CREATE POINT INDEX place_location IF NOT EXISTS FOR (n:Place) ON (n.location);
// on an existing graph the new indexes populate in the background: wait, so no search runs on a half-built index
CALL db.awaitIndexes(600);
