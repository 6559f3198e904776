package io.chainpos.server.member;

import java.time.MonthDay;
import java.util.List;

/**
 * Members by birthday. A birthday is personal data sealed with each member's own key, so the server cannot look it
 * up by an index: finding the members born on a day opens every stored birthday (one key unwrapped and one value
 * opened per member who gave one). That is the cost of keeping birthdays unreadable at rest; head office asks it
 * once a day.
 */
public interface Birthdays {
    /**
     * The members (survivor ids, in order) whose merged profile's birthday falls on one of {@code days} (month and
     * day, any year); erased members and members whose key this server has not got are never among them.
     */
    List<String> bornOn(List<MonthDay> days);
}
