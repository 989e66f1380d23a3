package cn.nantong.livingcircle.access;

/** The key store's Cypher fragment, for the test that EXPLAINs every statement of the application. */
public final class ApiKeyStoreFragments {

    public static final String KEY_PROJECTION = ApiKeyStore.KEY_PROJECTION;

    private ApiKeyStoreFragments() {
    }
}
