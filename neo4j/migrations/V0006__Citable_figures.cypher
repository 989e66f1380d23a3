// Where the published figures come from, as data: each (:PublishedFigure) is linked to the (:Source) it is quoted
// from. The demo's city figures come from a Nantong news report, 《一刻钟 打通便民服务的"最后一公里"》, which
// quotes the municipal commerce bureau after Nantong joined the second national pilot batch of 一刻钟便民生活圈
// cities (announced by the Ministry of Commerce in August 2022). What is not known is recorded as not known, never
// guessed: the outlet that ran the report, its URL and its exact date are null, `datePrecision` is UNKNOWN, and
// `publishedNotBefore` is the one bound the project knows (the report follows the August 2022 announcement).
CREATE CONSTRAINT source_id IF NOT EXISTS FOR (n:Source) REQUIRE n.id IS UNIQUE;
MERGE (s:Source {id: 'nantong-news-yikezhong-last-mile'})
SET s.title = '一刻钟 打通便民服务的"最后一公里"',
    s.kind = 'news report',
    s.publisher = null,
    s.quoting = '南通市商务局 (Nantong Municipal Bureau of Commerce)',
    s.url = null,
    s.publishedOn = null,
    s.datePrecision = 'UNKNOWN',
    s.publishedNotBefore = '2022-08',
    s.note = 'A Nantong news report quoting the municipal commerce bureau after Nantong joined the second national pilot batch, announced by the Ministry of Commerce in August 2022. The outlet that published it, its URL and its exact date are not known to the project.';
MATCH (f:PublishedFigure)
MATCH (s:Source {id: 'nantong-news-yikezhong-last-mile'})
MERGE (f)-[:PUBLISHED_IN]->(s)
SET f.source = '《一刻钟 打通便民服务的"最后一公里"》, a Nantong news report quoting 南通市商务局 (Nantong Municipal Bureau of Commerce)',
    f.sourceUrl = null,
    f.publishedOn = null;
