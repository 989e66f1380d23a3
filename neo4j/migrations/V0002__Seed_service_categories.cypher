// The service-category catalogue (业态目录) as data. Targets follow the Ministry of Commerce guidance for
// 15-minute convenient living circles: basic tier (基本保障类) within 5, 8 or 15 minutes on foot,
// quality tier (品质提升类) within 15 minutes. Codes are stable lowercase identifiers used by the API.
UNWIND [
  {code: 'convenience_store',     nameZh: '便利店',        nameEn: 'Convenience store',          tier: 'BASIC',   function: 'SHOPPING', targetMinutes: 5},
  {code: 'small_supermarket',     nameZh: '小型超市',      nameEn: 'Small supermarket',          tier: 'BASIC',   function: 'SHOPPING', targetMinutes: 5},
  {code: 'breakfast',             nameZh: '早餐店/快餐',   nameEn: 'Breakfast and fast food',    tier: 'BASIC',   function: 'SERVICE',  targetMinutes: 8},
  {code: 'pharmacy',              nameZh: '药店',          nameEn: 'Pharmacy',                   tier: 'BASIC',   function: 'SERVICE',  targetMinutes: 8},
  {code: 'laundry',               nameZh: '洗衣洗染',      nameEn: 'Laundry and dry cleaning',   tier: 'BASIC',   function: 'SERVICE',  targetMinutes: 8},
  {code: 'hair_beauty',           nameZh: '美容美发',      nameEn: 'Hair and beauty',            tier: 'BASIC',   function: 'SERVICE',  targetMinutes: 8},
  {code: 'wet_market',            nameZh: '菜市场',        nameEn: 'Wet market',                 tier: 'BASIC',   function: 'SHOPPING', targetMinutes: 8},
  {code: 'fresh_food',            nameZh: '生鲜店',        nameEn: 'Fresh-food shop',            tier: 'BASIC',   function: 'SHOPPING', targetMinutes: 8},
  {code: 'supermarket',           nameZh: '综合超市',      nameEn: 'Supermarket',                tier: 'BASIC',   function: 'SHOPPING', targetMinutes: 15},
  {code: 'repair',                nameZh: '维修点',        nameEn: 'Repair point',               tier: 'BASIC',   function: 'SERVICE',  targetMinutes: 15},
  {code: 'housekeeping',          nameZh: '家政服务',      nameEn: 'Housekeeping',               tier: 'BASIC',   function: 'SERVICE',  targetMinutes: 15},
  {code: 'photo_print',           nameZh: '照相冲印/打印', nameEn: 'Photo and print shop',       tier: 'BASIC',   function: 'SERVICE',  targetMinutes: 15},
  {code: 'parcel_point',          nameZh: '邮政快递服务点', nameEn: 'Post and parcel point',      tier: 'BASIC',   function: 'SERVICE',  targetMinutes: 15},
  {code: 'recycling_point',       nameZh: '再生资源回收点', nameEn: 'Recycling point',            tier: 'BASIC',   function: 'SERVICE',  targetMinutes: 15},
  {code: 'elderly_care',          nameZh: '养老服务',      nameEn: 'Elderly care',               tier: 'QUALITY', function: 'SOCIAL',   targetMinutes: 15},
  {code: 'childcare',             nameZh: '托育服务',      nameEn: 'Childcare',                  tier: 'QUALITY', function: 'SOCIAL',   targetMinutes: 15},
  {code: 'fitness',               nameZh: '健身',          nameEn: 'Fitness',                    tier: 'QUALITY', function: 'FITNESS',  targetMinutes: 15},
  {code: 'bookstore',             nameZh: '书店/阅读空间', nameEn: 'Bookstore and reading',      tier: 'QUALITY', function: 'CULTURE',  targetMinutes: 15},
  {code: 'library',               nameZh: '图书馆/公共阅读空间', nameEn: 'Library and public reading space', tier: 'QUALITY', function: 'CULTURE', targetMinutes: 15},
  {code: 'specialty_dining',      nameZh: '特色餐饮',      nameEn: 'Specialty dining',           tier: 'QUALITY', function: 'LEISURE',  targetMinutes: 15},
  {code: 'cafe',                  nameZh: '咖啡茶饮',      nameEn: 'Café and tea',               tier: 'QUALITY', function: 'LEISURE',  targetMinutes: 15},
  {code: 'pet_services',          nameZh: '宠物服务',      nameEn: 'Pet services',               tier: 'QUALITY', function: 'SERVICE',  targetMinutes: 15},
  {code: 'education_training',    nameZh: '教育培训',      nameEn: 'Education and training',     tier: 'QUALITY', function: 'CULTURE',  targetMinutes: 15},
  {code: 'health_wellness',       nameZh: '健康养生',      nameEn: 'Health and wellness',        tier: 'QUALITY', function: 'FITNESS',  targetMinutes: 15},
  {code: 'clinic',                nameZh: '社区卫生服务站', nameEn: 'Community clinic',           tier: 'QUALITY', function: 'SERVICE',  targetMinutes: 15},
  {code: 'leisure_entertainment', nameZh: '休闲娱乐',      nameEn: 'Leisure and entertainment',  tier: 'QUALITY', function: 'LEISURE',  targetMinutes: 15},
  {code: 'community_service',     nameZh: '社区综合服务中心', nameEn: 'Community service centre', tier: 'QUALITY', function: 'SOCIAL',   targetMinutes: 15},
  {code: 'worker_rest_station',   nameZh: '户外劳动者驿站', nameEn: 'Outdoor-worker rest station', tier: 'QUALITY', function: 'SOCIAL', targetMinutes: 15}
] AS c
MERGE (n:ServiceCategory {code: c.code})
SET n.nameZh = c.nameZh, n.nameEn = c.nameEn, n.tier = c.tier, n.function = c.function, n.targetMinutes = c.targetMinutes;
