package io.chainpos.server.web;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import io.javalin.http.Context;
import io.javalin.rendering.FileRenderer;
import java.util.Map;

/**
 * jte templates (src/main/jte), compiled to classes at build time by jte-maven-plugin: no template compiler
 * or source at run time, a template error breaks the build, and every {@code ${...}} is HTML-escaped.
 * The few lines Javalin's missing jte module would hold.
 */
public final class Templates implements FileRenderer {
    private final TemplateEngine engine = TemplateEngine.createPrecompiled(ContentType.Html);

    public String render(String template, Map<String, ?> model) {
        StringOutput output = new StringOutput();
        // The Map overload takes Map<String, Object>: anything else would be passed as the template's single parameter.
        engine.render(template, new java.util.HashMap<String, Object>(model), output);
        return output.toString();
    }

    @Override
    public String render(String template, Map<String, ?> model, Context ctx) {
        return render(template, model);
    }
}
