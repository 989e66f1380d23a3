// The audit trail of maintenance writes (createPlace, updatePlace, changePlaceCategory, movePlace, closePlace):
// one (:PlaceChange) per committed write, written in its transaction. The change feed reads it by time.
CREATE CONSTRAINT place_change_id IF NOT EXISTS FOR (n:PlaceChange) REQUIRE n.id IS UNIQUE;
CREATE INDEX place_change_changed_at IF NOT EXISTS FOR (n:PlaceChange) ON (n.changedAt);
CREATE INDEX place_change_place IF NOT EXISTS FOR (n:PlaceChange) ON (n.placeId);
