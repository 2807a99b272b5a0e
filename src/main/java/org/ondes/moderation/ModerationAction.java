package org.ondes.moderation;

/** The kinds of logged actions (mod_actions.action). */
enum ModerationAction {
    HIDE_STATION("hide_station"),
    UNHIDE_STATION("unhide_station"),
    ROLLBACK_PROFILE("rollback_profile"),
    SUSPEND_ACCOUNT("suspend_account"),
    UNSUSPEND_ACCOUNT("unsuspend_account"),
    CHANGE_ROLE("change_role"),
    CREATE_BAN("create_ban"),
    DELETE_BAN("delete_ban"),
    RESOLVE_REPORT("resolve_report"),
    DISMISS_REPORT("dismiss_report"),
    SET_REGISTRATION_MODE("set_registration_mode"),
    CREATE_INVITE("create_invite"),
    REVOKE_INVITE("revoke_invite"),
    APPROVE_ACCOUNT("approve_account"),
    REJECT_ACCOUNT("reject_account"),
    BLOCK_DOMAIN("block_domain"),
    UNBLOCK_DOMAIN("unblock_domain"),
    FOLLOW_INSTANCE("follow_instance"),
    UNFOLLOW_INSTANCE("unfollow_instance");

    final String wire;

    ModerationAction(String wire) {
        this.wire = wire;
    }
}
