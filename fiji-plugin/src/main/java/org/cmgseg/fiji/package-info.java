/**
 * The ImageJ1 / Fiji menu commands (listed in plugins.config): thin {@code PlugIn}s whose dialogs the Macro
 * Recorder records; and the same commands as SciJava {@code Command}s for ImageJ2/Fiji scripts, without a menu
 * entry. Every library call either makes is in {@link org.cmgseg.fiji.Library}.
 */
package org.cmgseg.fiji;
