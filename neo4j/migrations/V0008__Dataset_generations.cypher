// Dataset generations: every node of the dataset carries the number of the generation it belongs to, so an import
// can write a whole new generation in bounded batches beside the one being served, and switch to it in one small
// transaction at the end (see dataset.Generations). Ids are unique within a generation, no longer across the graph.
DROP CONSTRAINT district_id IF EXISTS;
DROP CONSTRAINT subdistrict_id IF EXISTS;
DROP CONSTRAINT community_id IF EXISTS;
DROP CONSTRAINT building_id IF EXISTS;
DROP CONSTRAINT outlet_id IF EXISTS;
DROP CONSTRAINT facility_id IF EXISTS;
DROP CONSTRAINT commercial_center_id IF EXISTS;
DROP CONSTRAINT junction_id IF EXISTS;
DROP CONSTRAINT dataset_id IF EXISTS;
DROP CONSTRAINT place_id IF EXISTS;
CREATE CONSTRAINT district_id_generation IF NOT EXISTS FOR (n:District) REQUIRE (n.id, n.generation) IS UNIQUE;
CREATE CONSTRAINT subdistrict_id_generation IF NOT EXISTS FOR (n:Subdistrict) REQUIRE (n.id, n.generation) IS UNIQUE;
CREATE CONSTRAINT community_id_generation IF NOT EXISTS FOR (n:Community) REQUIRE (n.id, n.generation) IS UNIQUE;
CREATE CONSTRAINT building_id_generation IF NOT EXISTS FOR (n:Building) REQUIRE (n.id, n.generation) IS UNIQUE;
CREATE CONSTRAINT commercial_center_id_generation IF NOT EXISTS FOR (n:CommercialCenter) REQUIRE (n.id, n.generation) IS UNIQUE;
CREATE CONSTRAINT junction_id_generation IF NOT EXISTS FOR (n:Junction) REQUIRE (n.id, n.generation) IS UNIQUE;
CREATE CONSTRAINT dataset_id_generation IF NOT EXISTS FOR (n:Dataset) REQUIRE (n.id, n.generation) IS UNIQUE;
CREATE CONSTRAINT place_id_generation IF NOT EXISTS FOR (n:Place) REQUIRE (n.id, n.generation) IS UNIQUE;
CREATE CONSTRAINT generation_number IF NOT EXISTS FOR (n:Generation) REQUIRE n.number IS UNIQUE;
// a graph imported before generations existed becomes generation 1, active
MATCH (n) WHERE (n:District OR n:Subdistrict OR n:Community OR n:Building OR n:Place OR n:CommercialCenter
    OR n:Junction OR n:Dataset) AND n.generation IS NULL
CALL (n) { SET n.generation = 1 } IN TRANSACTIONS OF 10000 ROWS;
MATCH (d:Dataset) WITH count(d) AS datasets WHERE datasets > 0
MERGE (g:Generation {number: 1})
  ON CREATE SET g.state = 'ACTIVE', g.createdAt = datetime(), g.activatedAt = datetime();
