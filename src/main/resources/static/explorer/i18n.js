// Interface strings in English and Chinese; category and community names come from the API in both languages.
export const STRINGS = {
  en: {
    home: 'Home', title: '15-minute living circle explorer', adult: 'Adult pace', elderly: 'Elderly pace',
    datum: 'Datum', go: 'Go', tabReach: 'Reach', tabCommunity: 'Community', tabLive: 'Where to live',
    tabFigures: 'Figures', reachHint: 'Click a building or any point on the map.', categoryFilter: 'Category filter',
    community: 'Community', gapCategory: 'Gaps of', download: 'Download', bulk: 'bulk data',
    whatIfHint: 'What-if: drop a hypothetical outlet of this category at a suggested site, or click the map while "drop on click" is on.',
    whatIfSuggested: 'Drop at the best site', whatIfClick: 'drop on click',
    liveHint: 'Pick categories: buildings from which every one of them is within its target time are highlighted.',
figure: 'Figure', published: 'Published', computed: 'Computed', status: 'Status',
    basic: 'Basic (基本保障类)', quality: 'Quality (品质提升类)', building: 'Building', point: 'Point',
    placesWithin: (n, m) => `${n} places within ${m} minutes`, minutes: 'min', area: 'area',
    apiDown: 'The API is not answering; nothing can be shown until it is back.',
    noData: 'No data in this view. Zoom out or move to the demo area.', zoomIn: 'Zoom in to see every building and place.',
    completeness: 'Completeness', missing: 'Missing basic categories', none: 'none',
    covered: 'Residents within target (%)', notCovered: 'Residents beyond target (%)',
    gaps: (n, r) => `${n} buildings (${r} residents) do not reach it within target`,
    suggestion: (rank, r) => `Site ${rank}: +${r} residents`, whatIf: (a, b) => `Completeness ${a} → ${b}`,
    live: (n, r, share) => `${r} residents (${share} %) live in the ${n} buildings from which every chosen category is within its target time`,
    pickCategory: 'Pick at least one category.', liveTruncated: n => `The map shows the first ${n} of them.`
  },
  zh: {
    home: '首页', title: '一刻钟便民生活圈地图', adult: '成人步速', elderly: '老年步速', datum: '坐标系', go: '定位',
    tabReach: '可达', tabCommunity: '社区', tabLive: '宜居选址', tabFigures: '公开数据', reachHint: '点击地图上的楼栋或任意位置。',
    categoryFilter: '业态筛选', community: '社区', gapCategory: '短板业态', download: '下载', bulk: '批量数据',
    whatIfHint: '假设分析：在建议位置放置一个该业态的假设网点，或勾选"点击放置"后点击地图。',
    whatIfSuggested: '放在最佳位置', whatIfClick: '点击放置',
    liveHint: '选择业态：高亮显示所有所选业态都在目标时间内可达的楼栋。',
    figure: '指标', published: '公布值', computed: '计算值', status: '状态', basic: '基本保障类', quality: '品质提升类',
    building: '楼栋', point: '位置', placesWithin: (n, m) => `${m} 分钟内可达 ${n} 处`, minutes: '分钟', area: '面积',
    apiDown: '接口无响应，恢复前无法显示内容。', noData: '当前视野内没有数据。请缩小地图或移动到示范区域。',
    zoomIn: '放大地图以显示全部楼栋和网点。', completeness: '完整度', missing: '缺失的基本保障类业态', none: '无',
    covered: '目标时间内可达的居民 (%)', notCovered: '超出目标时间的居民 (%)',
    gaps: (n, r) => `${n} 栋楼（${r} 位居民）在目标时间内无法到达`,
    suggestion: (rank, r) => `建议位置 ${rank}：新增覆盖 ${r} 位居民`, whatIf: (a, b) => `完整度 ${a} → ${b}`,
    live: (n, r, share) => `${n} 栋楼、${r} 位居民（${share}%）在目标时间内可到达全部所选业态`,
    pickCategory: '请至少选择一个业态。', liveTruncated: n => `地图只显示其中前 ${n} 栋。`
  }
};
