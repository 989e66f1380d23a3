package cn.nantong.livingcircle.access;

import org.springframework.context.ApplicationContext;

/** Keys for tests of other packages, issued the way the key command issues them. */
public final class TestKeys {

    private TestKeys() {
    }

    /** A new key of {@code tier} (DEVELOPER, PARTNER, ADMIN) in the application's store; returns its text. */
    public static String issue(ApplicationContext application, String tier, String name) {
        return issue(application, tier, name, false);
    }

    /** The same, optionally limited to the registered documents. */
    public static String issue(ApplicationContext application, String tier, String name,
            boolean registeredDocumentsOnly) {
        return application.getBean(ApiKeys.class).issue(name, tier, registeredDocumentsOnly).key();
    }
}
