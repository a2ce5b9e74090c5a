/**
 * Every identifier Slack echoes back to us, in one place: the listeners route on these, the
 * builders put them in payloads, the manifests declare them and the tests assert on them.
 */
export const ids = {
  command: '/certcheck',
  shortcuts: {
    /** Message shortcut "Diagnose with certcheck". */
    diagnoseMessage: 'certcheck_diagnose_message',
  },
  actions: {
    shareInChannel: 'share_in_channel',
    toggleLanguage: 'toggle_language',
    showAllSteps: 'show_all_steps',
    postToThread: 'post_to_thread',
    // On a diagnosis, a digest or App Home: one certificate's tracking.
    trackCertificate: 'track_certificate',
    snooze1d: 'snooze_1d',
    snooze1w: 'snooze_1w',
    markRenewed: 'mark_renewed',
    showSteps: 'show_steps',
    untrack: 'untrack',
  },
  views: {
    paste: 'paste_modal',
    markRenewed: 'mark_renewed_modal',
    track: 'track_modal',
  },
  blocks: {
    pasteInput: 'paste_input',
    actions: 'certcheck_actions',
    trackActions: 'certcheck_track_actions',
    trackChannel: 'track_channel',
    renewal: 'renewal_input',
  },
  /** action_ids of the inputs inside those blocks (Slack echoes both in view.state). */
  inputs: {
    paste: 'paste_text',
    trackChannel: 'track_channel_select',
    renewal: 'renewal_text',
  },
} as const;
