package io.chainpos.server.cli;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.core.joran.spi.JoranException;
import ch.qos.logback.core.joran.util.ConfigurationWatchListUtil;
import java.net.URL;
import java.util.Locale;
import org.slf4j.LoggerFactory;

/**
 * Chooses between the two log formats the logback configuration offers: {@code text} (an event name and
 * key=value pairs per line) and {@code json} (one object per line). The environment variable
 * {@code CHAINPOS_LOG_FORMAT} chooses before anything is logged; the {@code --log-format} flag reloads the
 * configuration with its choice.
 */
final class LogFormat {
    static final String PROPERTY = "chainpos.log.format";

    private LogFormat() {
    }

    /** False for a format other than text or json. */
    static boolean isKnown(String format) {
        return "text".equals(format) || "json".equals(format);
    }

    static void use(String format) {
        String chosen = format.toLowerCase(Locale.ROOT);
        if (!isKnown(chosen) || chosen.equals(System.getProperty(PROPERTY))) {
            return;
        }
        System.setProperty(PROPERTY, chosen);
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
            return;
        }
        URL configuration = ConfigurationWatchListUtil.getMainWatchURL(context);
        if (configuration == null) {
            return;
        }
        context.reset();
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(context);
        try {
            configurator.doConfigure(configuration);
        } catch (JoranException e) {
            throw new IllegalStateException("cannot reload the log configuration " + configuration, e);
        }
    }
}
