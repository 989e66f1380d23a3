package cn.nantong.livingcircle.importer.generator;

import java.util.List;

/**
 * Real administrative units of the demo dataset: 崇川区 and its subdistricts (街道) with approximate
 * WGS84 positions (best-knowledge placement of each pilot cluster inside the subdistrict, not
 * surveyed boundaries), and the 20 pilot communities. Three community names are ones the city has
 * published (龙湖佳苑社区, 南川园社区, 金鑫苑社区); the other 17 are plausible synthetic names.
 */
final class DemoGeography {

    static final String DISTRICT_ID = "d-chongchuan";
    static final String DISTRICT_ZH = "崇川区";
    static final String DISTRICT_EN = "Chongchuan District";

    record Subdistrict(String id, String nameZh, String nameEn, double lat, double lon) {
    }

    /**
     * @param published the name was published by the city (name_source=published)
     * @param noPharmacy deliberately no pharmacy in the community (gap-analysis case)
     * @param noWetMarket deliberately no wet market in the community (gap-analysis case)
     */
    record Community(String subdistrictId, String nameZh, String nameEn, boolean published,
                     boolean noPharmacy, boolean noWetMarket) {
    }

    /** Order = cluster order = id order. Positions: centre of the generated pilot cluster. */
    static final List<Subdistrict> SUBDISTRICTS = List.of(
            new Subdistrict("sd-tianshenggang", "天生港镇街道", "Tianshenggang Subdistrict", 32.0350, 120.7900),
            new Subdistrict("sd-rengang", "任港街道", "Rengang Subdistrict", 32.0150, 120.8340),
            new Subdistrict("sd-hongqiao", "虹桥街道", "Hongqiao Subdistrict", 32.0330, 120.8540),
            new Subdistrict("sd-xinchengqiao", "新城桥街道", "Xinchengqiao Subdistrict", 32.0345, 120.8790),
            new Subdistrict("sd-hepingqiao", "和平桥街道", "Hepingqiao Subdistrict", 32.0160, 120.8850),
            new Subdistrict("sd-xuetian", "学田街道", "Xuetian Subdistrict", 31.9990, 120.8720),
            new Subdistrict("sd-wenfeng", "文峰街道", "Wenfeng Subdistrict", 31.9830, 120.8980),
            new Subdistrict("sd-chengdong", "城东街道", "Chengdong Subdistrict", 32.0200, 120.9130),
            new Subdistrict("sd-guanyinshan", "观音山街道", "Guanyinshan Subdistrict", 31.9960, 120.9450),
            new Subdistrict("sd-langshan", "狼山镇街道", "Langshan Subdistrict", 31.9620, 120.8760),
            new Subdistrict("sd-zhongxiu", "钟秀街道", "Zhongxiu Subdistrict", 32.0520, 120.8950),
            new Subdistrict("sd-qinzao", "秦灶街道", "Qinzao Subdistrict", 32.0680, 120.9200));

    /** Grouped by subdistrict in {@link #SUBDISTRICTS} order; ids c-01..c-20 follow this order. */
    static final List<Community> COMMUNITIES = List.of(
            new Community("sd-tianshenggang", "龙湖佳苑社区", "Longhu Jiayuan Community", true, false, false),
            new Community("sd-tianshenggang", "江韵社区", "Jiangyun Community", false, false, false),
            new Community("sd-rengang", "任港新苑社区", "Rengang Xinyuan Community", false, false, false),
            new Community("sd-rengang", "西园社区", "Xiyuan Community", false, false, false),
            new Community("sd-hongqiao", "虹景社区", "Hongjing Community", false, false, false),
            new Community("sd-hongqiao", "北濠社区", "Beihao Community", false, false, false),
            new Community("sd-xinchengqiao", "新城社区", "Xincheng Community", false, false, false),
            new Community("sd-hepingqiao", "濠东社区", "Haodong Community", false, false, false),
            new Community("sd-hepingqiao", "桥东社区", "Qiaodong Community", false, false, false),
            new Community("sd-xuetian", "南川园社区", "Nanchuanyuan Community", true, false, false),
            new Community("sd-xuetian", "学苑社区", "Xueyuan Community", false, false, false),
            new Community("sd-xuetian", "桃坞社区", "Taowu Community", false, false, false),
            new Community("sd-wenfeng", "星湖社区", "Xinghu Community", false, false, false),
            new Community("sd-wenfeng", "文景社区", "Wenjing Community", false, false, false),
            new Community("sd-chengdong", "金鑫苑社区", "Jinxinyuan Community", true, false, false),
            new Community("sd-chengdong", "东景社区", "Dongjing Community", false, false, false),
            new Community("sd-guanyinshan", "观山社区", "Guanshan Community", false, false, true),
            new Community("sd-langshan", "五山社区", "Wushan Community", false, true, false),
            new Community("sd-zhongxiu", "钟秀花园社区", "Zhongxiu Huayuan Community", false, false, true),
            new Community("sd-qinzao", "秦灶新苑社区", "Qinzao Xinyuan Community", false, true, true));

    private DemoGeography() {
    }
}
