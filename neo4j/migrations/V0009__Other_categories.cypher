// Places of the map that no programme category covers (banks, hotels, offices, clothes shops...): one `other`
// category per OSM top-level key, so every POI of an OpenStreetMap import stays queryable while a filter by a
// programme category still means what it says. Tier OTHER is outside the programme: coverage, completeness and the
// published figures leave it out. 15 minutes is the circle's own limit, not a programme target.
UNWIND [
  {code: 'other_shop',       nameZh: '其他商店',     nameEn: 'Other shop',             function: 'SHOPPING'},
  {code: 'other_amenity',    nameZh: '其他设施',     nameEn: 'Other amenity',          function: 'SERVICE'},
  {code: 'other_healthcare', nameZh: '其他医疗服务', nameEn: 'Other healthcare',       function: 'SERVICE'},
  {code: 'other_leisure',    nameZh: '其他休闲场所', nameEn: 'Other leisure place',    function: 'LEISURE'},
  {code: 'other_tourism',    nameZh: '其他旅游住宿', nameEn: 'Other tourism place',    function: 'LEISURE'},
  {code: 'other_office',     nameZh: '其他办公机构', nameEn: 'Other office',           function: 'SERVICE'},
  {code: 'other_craft',      nameZh: '其他手工业',   nameEn: 'Other craft',            function: 'SERVICE'}
] AS c
MERGE (n:ServiceCategory {code: c.code})
SET n.nameZh = c.nameZh, n.nameEn = c.nameEn, n.tier = 'OTHER', n.function = c.function, n.targetMinutes = 15;
