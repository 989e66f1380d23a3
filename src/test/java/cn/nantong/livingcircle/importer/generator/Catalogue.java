package cn.nantong.livingcircle.importer.generator;

import java.util.List;

/**
 * Outlet categories (codes from {@code neo4j/migrations/V0002__Seed_service_categories.cypher}) with
 * the knobs the generator needs: how common each is, how likely a shop is to be part of a brand chain,
 * which real brands operate it, typical floor areas, opening hours and shop-name suffixes.
 *
 * <p>Categories that are public facilities rather than shops (elderly care, clinic, library,
 * community service, worker rest station, recycling point) are not used for outlets; see
 * {@link FacilityKind}.
 */
final class Catalogue {

    /** One brand; {@code weight} is its relative share among chain shops of the category. */
    record Brand(String name, double weight, String openingHours) {
    }

    /**
     * @param streetWeight relative frequency among street-front shops (沿街商铺)
     * @param centreWeight relative frequency inside community commercial centres
     * @param chainPropensity relative weight when choosing which shops are chain shops (0 = never)
     */
    record OutletCategory(String code, double streetWeight, double centreWeight, double chainPropensity,
                          int minArea, int maxArea, List<String> hours, List<String> suffixes,
                          List<Brand> brands) {

        boolean chainEligible() {
            return chainPropensity > 0 && !brands.isEmpty();
        }
    }

    static final String CONVENIENCE_STORE = "convenience_store";
    static final String SMALL_SUPERMARKET = "small_supermarket";
    static final String SUPERMARKET = "supermarket";
    static final String PHARMACY = "pharmacy";
    static final String WET_MARKET = "wet_market";

    private static final String H24 = "00:00-24:00";

    static final List<OutletCategory> OUTLET_CATEGORIES = List.of(
            new OutletCategory("breakfast", 22, 9, 0.25, 15, 90,
                    List.of("06:00-13:30", "06:00-19:00", "05:30-11:00", "06:30-20:30"),
                    List.of("早餐店", "包子铺", "面馆", "馄饨店", "烧饼店", "快餐店", "小吃店", "粥铺"),
                    List.of(new Brand("肯德基", 3, "06:30-23:00"), new Brand("麦当劳", 3, "06:30-23:00"),
                            new Brand("华莱士", 2, "09:00-22:00"), new Brand("巴比馒头", 3, "06:00-20:00"),
                            new Brand("老乡鸡", 2, "07:00-21:00"), new Brand("塔斯汀", 2, "09:30-22:00"))),
            new OutletCategory(CONVENIENCE_STORE, 11, 4, 0.9, 50, 150,
                    List.of("07:00-23:00", "06:30-22:30", "07:00-22:00"),
                    List.of("便利店", "便民店", "小卖部"),
                    List.of(new Brand("全家", 3, H24), new Brand("罗森", 3, H24),
                            new Brand("苏果便利", 3, "07:00-23:00"), new Brand("快客便利", 2, "07:00-23:00"),
                            new Brand("美宜佳", 2, H24))),
            new OutletCategory(SMALL_SUPERMARKET, 4, 3, 0.5, 150, 500,
                    List.of("07:30-21:30", "08:00-21:00"),
                    List.of("超市", "生活超市", "平价超市"),
                    List.of(new Brand("苏果超市", 3, "07:30-21:30"), new Brand("文峰超市", 4, "08:00-21:00"),
                            new Brand("华润万家", 2, "08:00-21:30"))),
            new OutletCategory(SUPERMARKET, 0, 0, 0.9, 1500, 6000,
                    List.of("08:00-21:30", "08:30-22:00"),
                    List.of("综合超市", "购物中心"),
                    List.of(new Brand("大润发", 3, "07:30-22:00"), new Brand("华润万家", 2, "08:00-22:00"),
                            new Brand("文峰大世界超市", 3, "08:30-21:30"), new Brand("永辉超市", 2, "08:00-22:00"))),
            new OutletCategory("hair_beauty", 11, 7, 0.1, 30, 160,
                    List.of("09:00-21:00", "09:30-21:30", "10:00-22:00"),
                    List.of("美发", "理发店", "美容院", "美甲店", "造型"),
                    List.of(new Brand("永琪美容美发", 1, "09:30-22:00"))),
            new OutletCategory("specialty_dining", 11, 16, 0.15, 60, 400,
                    List.of("10:30-21:30", "11:00-22:00", "16:00-02:00"),
                    List.of("饭店", "江海菜馆", "火锅店", "烧烤", "海鲜馆", "家常菜", "面馆", "羊肉馆"),
                    List.of(new Brand("海底捞", 1, "10:00-02:00"), new Brand("西贝莜面村", 1, "10:30-21:30"),
                            new Brand("绿茶餐厅", 1, "11:00-21:30"), new Brand("南京大牌档", 1, "10:30-21:30"))),
            new OutletCategory("cafe", 6, 10, 0.7, 15, 150,
                    List.of("09:00-22:00", "10:00-22:00", "08:00-21:00"),
                    List.of("奶茶店", "咖啡馆", "茶饮", "茶社"),
                    List.of(new Brand("瑞幸咖啡", 3, "07:30-21:00"), new Brand("蜜雪冰城", 4, "09:00-22:30"),
                            new Brand("古茗", 2, "09:30-22:30"), new Brand("茶百道", 2, "10:00-22:00"),
                            new Brand("星巴克", 1, "07:30-22:00"), new Brand("库迪咖啡", 2, "08:00-21:00"))),
            new OutletCategory("fresh_food", 6, 3, 0.35, 30, 150,
                    List.of("06:00-20:00", "07:00-21:00", "06:30-19:30"),
                    List.of("生鲜店", "水果店", "蔬菜店", "鲜肉店", "鲜鱼店"),
                    List.of(new Brand("钱大妈", 2, "07:00-22:00"), new Brand("百果园", 3, "08:00-22:00"),
                            new Brand("鲜丰水果", 2, "08:00-22:00"))),
            new OutletCategory(PHARMACY, 3.2, 2, 0.8, 60, 200,
                    List.of("08:00-21:00", "07:30-21:30"),
                    List.of("大药房", "药店", "医药商店"),
                    List.of(new Brand("老百姓大药房", 3, H24), new Brand("益丰大药房", 3, "07:30-22:00"),
                            new Brand("国大药房", 2, "08:00-21:30"), new Brand("大参林", 2, "08:00-22:00"))),
            new OutletCategory("laundry", 3, 1.5, 0.3, 20, 80,
                    List.of("08:30-20:30", "09:00-20:00"),
                    List.of("洗衣店", "干洗店", "洗染店"),
                    List.of(new Brand("福奈特", 2, "09:00-20:00"), new Brand("象王洗衣", 2, "08:30-20:30"),
                            new Brand("荣昌洗衣", 1, "09:00-20:00"))),
            new OutletCategory("repair", 3.5, 1, 0, 8, 40,
                    List.of("08:00-18:00", "08:30-19:00", "09:00-20:00"),
                    List.of("家电维修", "修鞋配钥匙", "手机维修", "自行车修理", "电动车维修", "缝补店"),
                    List.of()),
            new OutletCategory("housekeeping", 2, 1, 0, 20, 80,
                    List.of("08:30-17:30", "08:00-18:00"),
                    List.of("家政服务", "保洁服务", "月嫂服务"),
                    List.of()),
            new OutletCategory("photo_print", 2, 1.5, 0, 15, 60,
                    List.of("08:30-20:00", "09:00-21:00"),
                    List.of("图文打印", "照相馆", "复印店"),
                    List.of()),
            new OutletCategory("parcel_point", 3, 1, 0.8, 20, 100,
                    List.of("08:00-20:00", "08:30-21:00"),
                    List.of("快递驿站", "快递代收点"),
                    List.of(new Brand("菜鸟驿站", 4, "08:00-21:00"), new Brand("中国邮政", 2, "08:30-17:30"),
                            new Brand("兔喜生活", 2, "08:00-21:00"))),
            new OutletCategory("childcare", 0.8, 1.5, 0, 150, 600,
                    List.of("07:30-17:30", "08:00-18:00"),
                    List.of("托育中心", "托育园", "宝贝之家"),
                    List.of()),
            new OutletCategory("fitness", 1.5, 4, 0.2, 150, 1200,
                    List.of("06:00-22:00", "09:00-22:00", H24),
                    List.of("健身房", "瑜伽馆", "乒乓球馆", "舞蹈室"),
                    List.of(new Brand("乐刻运动", 1, H24))),
            new OutletCategory("bookstore", 0.6, 2, 0.3, 60, 400,
                    List.of("09:00-21:00", "09:30-21:30"),
                    List.of("书店", "书吧", "文具书店"),
                    List.of(new Brand("新华书店", 1, "09:00-21:00"))),
            new OutletCategory("pet_services", 2, 1.5, 0.1, 40, 200,
                    List.of("09:00-21:00", "09:30-20:30"),
                    List.of("宠物店", "宠物美容", "宠物诊所"),
                    List.of(new Brand("瑞鹏宠物医院", 1, "08:30-21:00"))),
            new OutletCategory("education_training", 3, 7, 0.15, 80, 500,
                    List.of("09:00-20:30", "13:00-21:00", "08:30-20:00"),
                    List.of("书画培训", "英语培训", "艺术中心", "编程教室", "舞蹈学校", "围棋社"),
                    List.of(new Brand("新东方", 1, "09:00-21:00"))),
            new OutletCategory("health_wellness", 3, 4, 0.15, 60, 300,
                    List.of("10:00-23:00", "09:00-22:00", "11:00-24:00"),
                    List.of("推拿馆", "足浴店", "养生馆", "中医理疗"),
                    List.of(new Brand("郑远元", 2, "10:00-23:00"), new Brand("华夏良子", 1, "11:00-24:00"))),
            new OutletCategory("leisure_entertainment", 2.5, 6, 0.15, 100, 800,
                    List.of("09:00-23:00", "13:00-02:00", "10:00-24:00"),
                    List.of("棋牌室", "台球厅", "KTV", "桌游馆", "茶馆"),
                    List.of(new Brand("星聚会KTV", 1, "12:00-02:00"), new Brand("万达影城", 1, "09:00-24:00"))),
            new OutletCategory(WET_MARKET, 0, 0, 0, 800, 3000,
                    List.of("05:30-18:00", "05:00-17:30", "06:00-18:30"),
                    List.of("农贸市场", "菜市场"),
                    List.of()));

    static final String[] SHOP_PREFIXES = {
            "顾记", "陈记", "张记", "王记", "季记", "曹记", "徐记", "朱记", "施记", "黄记", "范记", "邵记", "缪记", "瞿记",
            "老顾", "老陈", "阿香", "阿芳", "小李", "小周", "兴隆", "福满", "鑫源", "佳佳", "好邻居", "惠民", "和顺",
            "四季", "阳光", "幸福", "百姓", "江海", "濠河", "港城", "紫琅", "通城", "金沙", "如意", "吉祥", "万家",
            "康乐", "平安", "红旗", "新生", "友谊", "永兴", "晨光", "东方", "南城", "北濠", "春晖", "乐活", "优品",
            "青青", "满意", "丰收", "恒信", "诚信", "安心", "悦心", "美佳", "时尚", "名剪", "一品", "小馋猫"};

    static final String[] CHINESE_ORDINALS = {"", "二", "三", "四", "五", "六", "七", "八", "九", "十"};

    private Catalogue() {
    }

    static int indexOf(String code) {
        for (int i = 0; i < OUTLET_CATEGORIES.size(); i++) {
            if (OUTLET_CATEGORIES.get(i).code().equals(code)) {
                return i;
            }
        }
        throw new IllegalArgumentException("Unknown outlet category " + code);
    }
}
