// The example operations GraphiQL opens with (one tab each), then GraphiQL itself against this server's /graphql.
(function () {
  const examples = [
    `# The loaded dataset, its licence and attribution
{
  dataset { id name licence attribution synthetic version buildingCount outletCount facilityCount }
}`,
    `# What a resident of building b-01-001 reaches within 10 minutes, nearest first
{
  reachable(from: {buildingId: "b-01-001"}, minutes: 10, first: 5) {
    totalCount
    edges { node { walkMeters walkMinutes place { id name category { code nameEn tier } } } }
  }
}`,
    `# The 5/10/15-minute walking isochrones from a point (areas in m²)
{
  isochrone(from: {point: {lat: 32.03, lon: 120.7935}}, minutes: [5, 10, 15]) { minutes areaSquareMeters }
}`,
    `# How complete a community's circle is, and what it misses
{
  coverage(communityId: "c-01") {
    community { name nameEn }
    completenessScore
    missingBasicCategories { code nameEn }
  }
}`,
    `# The city's published figures beside the computed ones
{
  publishedFigures { description publishedValue computedValue status }
}`
  ];
  const fetcher = GraphiQL.createFetcher({ url: '/graphql' });
  const root = ReactDOM.createRoot(document.getElementById('graphiql'));
  root.render(React.createElement(GraphiQL, {
    fetcher,
    defaultTabs: examples.map(query => ({ query })),
    defaultEditorToolsVisibility: false,
    shouldPersistHeaders: false
  }));
})();
