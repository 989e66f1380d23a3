package cn.nantong.livingcircle.importer.generator;

/** Synthetic place names (Chinese + pinyin) for the city-scale dataset. */
final class NameMaker {

    private static final String[][] FIRST = {
            {"安", "An"}, {"宝", "Bao"}, {"长", "Chang"}, {"春", "Chun"}, {"东", "Dong"}, {"丰", "Feng"},
            {"福", "Fu"}, {"港", "Gang"}, {"光", "Guang"}, {"海", "Hai"}, {"和", "He"}, {"红", "Hong"},
            {"华", "Hua"}, {"惠", "Hui"}, {"嘉", "Jia"}, {"江", "Jiang"}, {"金", "Jin"}, {"锦", "Jin"},
            {"康", "Kang"}, {"乐", "Le"}, {"龙", "Long"}, {"明", "Ming"}, {"南", "Nan"}, {"平", "Ping"},
            {"青", "Qing"}, {"瑞", "Rui"}, {"盛", "Sheng"}, {"桃", "Tao"}, {"通", "Tong"}, {"文", "Wen"},
            {"西", "Xi"}, {"祥", "Xiang"}, {"新", "Xin"}, {"星", "Xing"}, {"兴", "Xing"}, {"阳", "Yang"},
            {"怡", "Yi"}, {"永", "Yong"}, {"裕", "Yu"}, {"紫", "Zi"}};

    private static final String[][] SECOND = {
            {"安", "an"}, {"北", "bei"}, {"城", "cheng"}, {"川", "chuan"}, {"丰", "feng"}, {"福", "fu"},
            {"河", "he"}, {"湖", "hu"}, {"华", "hua"}, {"景", "jing"}, {"康", "kang"}, {"林", "lin"},
            {"隆", "long"}, {"明", "ming"}, {"宁", "ning"}, {"桥", "qiao"}, {"泉", "quan"}, {"山", "shan"},
            {"盛", "sheng"}, {"泰", "tai"}, {"亭", "ting"}, {"湾", "wan"}, {"溪", "xi"}, {"霞", "xia"},
            {"祥", "xiang"}, {"欣", "xin"}, {"秀", "xiu"}, {"阳", "yang"}, {"苑", "yuan"}, {"洲", "zhou"}};

    private static final String[][] ESTATE = {
            {"苑", "yuan"}, {"园", "yuan"}, {"村", "cun"}, {"里", "li"}, {"新村", " Xincun"}, {"花园", " Huayuan"},
            {"家园", " Jiayuan"}, {"佳苑", " Jiayuan"}, {"", ""}};

    private NameMaker() {
    }

    /** e.g. {"兴泰苑社区", "Xingtaiyuan Community"}. */
    static String[] community(Rng rnd) {
        String[] a = rnd.pick(FIRST);
        String[] b = rnd.pick(SECOND);
        String[] c = rnd.pick(ESTATE);
        return new String[] {a[0] + b[0] + c[0] + "社区", a[1] + b[1] + c[1] + " Community"};
    }

    /** e.g. {"瑞湖街道", "Ruihu Subdistrict"}. */
    static String[] subdistrict(Rng rnd) {
        String[] a = rnd.pick(FIRST);
        String[] b = rnd.pick(SECOND);
        return new String[] {a[0] + b[0] + "街道", a[1] + b[1] + " Subdistrict"};
    }
}
