package io.chainpos.model.event;

import io.chainpos.model.id.FeedbackId;

/**
 * Issue 18, customer care (客户服务): a customer's feedback or complaint recorded at a counter or in the back office,
 * and head office's handling of it. The free text may carry personal data: when a member is named, it travels
 * sealed with that member's key, so erasing the member leaves nothing of it readable.
 */
public sealed interface CareEvent extends Event permits FeedbackRecorded, FeedbackUpdated {
    FeedbackId feedbackId();
}
