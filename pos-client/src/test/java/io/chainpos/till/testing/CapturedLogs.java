package io.chainpos.till.testing;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import org.slf4j.LoggerFactory;

/**
 * Every log line the till and the server write while open, at every level (debug included), with its key-value
 * pairs and any stack trace, as text: for tests that prove no personal data reaches a log.
 */
public final class CapturedLogs implements AutoCloseable {
    private final Logger chainpos = (Logger) LoggerFactory.getLogger("io.chainpos");
    private final Level before = chainpos.getLevel();
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

    public CapturedLogs() {
        appender.start();
        chainpos.addAppender(appender);
        chainpos.setLevel(Level.DEBUG);
        chainpos.setAdditive(false); // captured, not also printed
    }

    public List<String> lines() {
        return appender.list.stream().map(e -> e.getLevel() + " " + e.getLoggerName() + " " + e.getFormattedMessage()
                + " " + (e.getKeyValuePairs() == null ? "" : e.getKeyValuePairs())
                + (e.getThrowableProxy() == null ? "" : ThrowableProxyUtil.asString(e.getThrowableProxy()))).toList();
    }

    @Override
    public void close() {
        chainpos.detachAppender(appender);
        chainpos.setLevel(before);
        chainpos.setAdditive(true);
        appender.stop();
    }
}
