-- The audit log grows with issue 5's remaining admin tools (registration mode, invitations, account approval,
-- profile rollback) and issue 6's federation controls (domain blocks, instance follows). Some of these name no
-- station, account, rule or report (a registration mode, a domain), so the "names a subject row" check goes; the
-- human-readable subject column stays mandatory.
ALTER TABLE mod_actions
    DROP CONSTRAINT mod_actions_action_check,
    DROP CONSTRAINT mod_actions_subject_check;
ALTER TABLE mod_actions
    ADD COLUMN target text,
    ADD CONSTRAINT mod_actions_action_check CHECK (action IN ('hide_station', 'unhide_station', 'suspend_account',
        'unsuspend_account', 'change_role', 'create_ban', 'delete_ban', 'resolve_report', 'dismiss_report',
        'set_registration_mode', 'create_invite', 'revoke_invite', 'approve_account', 'reject_account',
        'rollback_profile', 'block_domain', 'unblock_domain', 'follow_instance', 'unfollow_instance'));
COMMENT ON COLUMN mod_actions.target IS
    'What an action without a station/account/rule/report row acts on: a registration mode, an invite id, a domain.';
