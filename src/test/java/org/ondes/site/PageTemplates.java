package org.ondes.site;

import io.micronaut.core.annotation.Nullable;
import org.ondes.accounts.Role;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

import java.util.Map;

/**
 * Renders a page's Thymeleaf view from src/main/resources/views with a page record, as {@link PageRenderer} does but
 * without a server: unit tests check what a page shows (and that hostile text stays text).
 */
public final class PageTemplates {
    private static final TemplateEngine ENGINE = engine();

    private PageTemplates() {
    }

    /** A signed-in viewer of this role (with a CSRF token, as a browser session has one). */
    public static Viewer viewer(String username, Role role) {
        return new Viewer(1, username, role, "csrf-token-for-tests");
    }

    /** The HTML of {@code view} rendered for {@code page}, as {@code viewer} (null: signed out) sees it. */
    public static String render(String view, String name, Object page, @Nullable Viewer viewer) {
        Context context = new Context();
        context.setVariables(Map.of("page", page, "site", new SiteShell(new StaticAssets(), name, viewer)));
        return ENGINE.process(view, context);
    }

    private static TemplateEngine engine() {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix("views/");
        resolver.setSuffix(".html");
        resolver.setTemplateMode(TemplateMode.HTML);
        resolver.setCharacterEncoding("UTF-8");
        TemplateEngine engine = new TemplateEngine();
        engine.setTemplateResolver(resolver);
        return engine;
    }
}
