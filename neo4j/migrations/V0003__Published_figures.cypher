// The city's published programme figures as data, so that the API can list each one beside the value computed
// from the graph (query publishedFigures). `metric` names the computation; `qualifier` is EXACT, MORE_THAN
// ("over 500,000") or APPROXIMATELY ("close to 200"). Figures as cited in the project's issue 4; `sourceUrl` and
// `publishedOn` stay null until someone checks them against the original release (never guessed).
CREATE CONSTRAINT published_figure_id IF NOT EXISTS FOR (n:PublishedFigure) REQUIRE n.id IS UNIQUE;
UNWIND [
  {id: 'pilot-outlets', metric: 'pilot.outlets', scope: 'PILOT_COMMUNITIES', scopeName: '20个试点社区 (20 pilot communities)',
   description: 'Commercial outlets (商业网点) in the 20 pilot communities', value: 2865.0, qualifier: 'EXACT', unit: 'outlets'},
  {id: 'pilot-outlets-new-or-renovated', metric: 'pilot.outlets.new_or_renovated', scope: 'PILOT_COMMUNITIES', scopeName: '20个试点社区 (20 pilot communities)',
   description: 'Outlets new or renovated (新建或改造) under the programme', value: 317.0, qualifier: 'EXACT', unit: 'outlets'},
  {id: 'pilot-outlets-new-or-renovated-chain', metric: 'pilot.outlets.new_or_renovated.chain', scope: 'PILOT_COMMUNITIES', scopeName: '20个试点社区 (20 pilot communities)',
   description: 'Of the new or renovated outlets, brand-chain outlets (品牌连锁)', value: 123.0, qualifier: 'EXACT', unit: 'outlets'},
  {id: 'pilot-brand-chain-share', metric: 'pilot.outlets.chain_share_percent', scope: 'PILOT_COMMUNITIES', scopeName: '20个试点社区 (20 pilot communities)',
   description: 'Brand-chain share of outlets (品牌连锁化率)', value: 22.04, qualifier: 'EXACT', unit: 'percent'},
  {id: 'pilot-commercial-centres', metric: 'pilot.commercial_centres', scope: 'PILOT_COMMUNITIES', scopeName: '20个试点社区 (20 pilot communities)',
   description: 'Community commercial centres (社区商业中心)', value: 38.0, qualifier: 'EXACT', unit: 'centres'},
  {id: 'pilot-commercial-centres-new-or-renovated', metric: 'pilot.commercial_centres.new_or_renovated', scope: 'PILOT_COMMUNITIES', scopeName: '20个试点社区 (20 pilot communities)',
   description: 'Community commercial centres new or renovated', value: 7.0, qualifier: 'EXACT', unit: 'centres'},
  {id: 'chongchuan-community-service-centres', metric: 'district.community_service_centres.new_or_rebuilt', scope: 'DISTRICT', scopeId: 'd-chongchuan', scopeName: '崇川区 (Chongchuan District)',
   description: 'Community service centres new or rebuilt (新建或改造社区综合服务中心)', value: 10.0, qualifier: 'EXACT', unit: 'centres'},
  {id: 'chongchuan-book-houses', metric: 'district.reading_spaces', scope: 'DISTRICT', scopeId: 'd-chongchuan', scopeName: '崇川区 (Chongchuan District)',
   description: 'City book houses (城市书房)', value: 20.0, qualifier: 'EXACT', unit: 'reading spaces'},
  {id: 'chongchuan-elderly-care', metric: 'district.elderly_care', scope: 'DISTRICT', scopeId: 'd-chongchuan', scopeName: '崇川区 (Chongchuan District)',
   description: 'Elderly-care institutions (养老服务机构)', value: 160.0, qualifier: 'EXACT', unit: 'institutions'},
  {id: 'chongchuan-markets-rebuilt', metric: 'district.markets.rebuilt', scope: 'DISTRICT', scopeId: 'd-chongchuan', scopeName: '崇川区 (Chongchuan District)',
   description: 'Convenience markets rebuilt (改造便民市场)', value: 10.0, qualifier: 'EXACT', unit: 'markets'},
  {id: 'chongchuan-residents-served', metric: 'district.residents_served', scope: 'DISTRICT', scopeId: 'd-chongchuan', scopeName: '崇川区 (Chongchuan District)',
   description: 'Residents served by the living circles (服务居民)', value: 500000.0, qualifier: 'MORE_THAN', unit: 'residents'},
  {id: 'city-public-reading-spaces', metric: 'city.reading_spaces', scope: 'CITY', scopeName: '南通市 (Nantong)',
   description: 'Public reading spaces (公共阅读空间)', value: 200.0, qualifier: 'APPROXIMATELY', unit: 'reading spaces'},
  {id: 'city-library-circle', metric: 'city.library_circle_15min', scope: 'CITY', scopeName: '南通市 (Nantong)',
   description: '"15-minute library service circle" completed (15分钟图书馆服务圈): share of residents within 15 minutes on foot of a library, public reading space or bookstore', value: 100.0, qualifier: 'EXACT', unit: 'percent'}
] AS f
MERGE (n:PublishedFigure {id: f.id})
SET n.metric = f.metric, n.scope = f.scope, n.scopeId = f.scopeId, n.scopeName = f.scopeName,
    n.description = f.description, n.value = f.value, n.qualifier = f.qualifier, n.unit = f.unit,
    n.source = 'Nantong municipal programme reporting on the 一刻钟便民生活圈 pilots, as cited in the project issue 4',
    n.sourceUrl = null, n.publishedOn = null;
// Programme tracking (便民生活圈 per community and its satisfaction surveys), loaded by the analytics feature.
CREATE CONSTRAINT living_circle_id IF NOT EXISTS FOR (n:LivingCircle) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT satisfaction_survey_id IF NOT EXISTS FOR (n:SatisfactionSurvey) REQUIRE n.id IS UNIQUE;
