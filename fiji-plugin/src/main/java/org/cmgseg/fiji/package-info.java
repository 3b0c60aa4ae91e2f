/**
 * The ImageJ1 / Fiji menu commands (listed in plugins.config): thin {@code PlugIn}s whose dialogs the Macro
 * Recorder records; every library call they make is in {@link org.cmgseg.fiji.Library}.
 */
package org.cmgseg.fiji;
