"""Where the wizard leans on what Textual does not document: every such reliance lives in this package.

- `input`: how the drivers read the terminal (pastes taken whole, bytes that are not
  UTF-8 refused instead of fatal) and what keeping keys in the order typed relies on
  (wizard/tui/held_keys.py): the messages a key causes in the app's own queue, and where
  TextArea lives before it is loaded.
- `notices`: taking one notice back (`_notifications`, `_unnotify`): Textual clears
  them all or lets them time out.
- `output`: Textual's writer thread, which ends at the first write to a terminal that has
  gone and then blocks the wizard's close; a writer that outlives it is given to the driver.
- `painting`: the widgets' speed-ups that lay out and paint less: `virtual_size` reactives
  that ask for no layout, `_refresh_scrollbars`, ScrollView's `_size_updated`, Input's
  `_on_paste` and its validity classes, a Tree's lines (`_tree_lines`, `_line_cache`) and
  its answer to a Resize.
- `screens`: a whole screen's: when its first frame went to the terminal
  (`Screen._compositor_refresh`), what its resume and a mount on it ask to repaint, the
  paint requests waiting from before that frame (`messages.Update`, `_repaint_required`),
  what the screen under the top one has it repaint, a screen's answer to a Resize
  (`_screen_resized`), and reading back the composed screen for the first-frame picture.

tests/test_textual_internals.py checks each against the installed Textual and fails
loudly when an upgrade changes what it relies on; pyproject.toml pins Textual below the
next major version for the same reason.
"""
