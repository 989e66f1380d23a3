// Uniqueness constraints (each also backs an index) for every entity addressed by id.
CREATE CONSTRAINT district_id IF NOT EXISTS FOR (n:District) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT subdistrict_id IF NOT EXISTS FOR (n:Subdistrict) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT community_id IF NOT EXISTS FOR (n:Community) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT building_id IF NOT EXISTS FOR (n:Building) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT outlet_id IF NOT EXISTS FOR (n:Outlet) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT facility_id IF NOT EXISTS FOR (n:Facility) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT commercial_center_id IF NOT EXISTS FOR (n:CommercialCenter) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT service_category_code IF NOT EXISTS FOR (n:ServiceCategory) REQUIRE n.code IS UNIQUE;
CREATE CONSTRAINT junction_id IF NOT EXISTS FOR (n:Junction) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT dataset_id IF NOT EXISTS FOR (n:Dataset) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT place_id IF NOT EXISTS FOR (n:Place) REQUIRE n.id IS UNIQUE;
CREATE INDEX walkway_id IF NOT EXISTS FOR ()-[r:WALKWAY]-() ON (r.id);
CREATE POINT INDEX building_location IF NOT EXISTS FOR (n:Building) ON (n.location);
CREATE POINT INDEX outlet_location IF NOT EXISTS FOR (n:Outlet) ON (n.location);
CREATE POINT INDEX facility_location IF NOT EXISTS FOR (n:Facility) ON (n.location);
