package org.cmgseg.fiji;

import bsh.engine.BshScriptEngineFactory;
import org.scijava.plugin.Plugin;
import org.scijava.script.AdaptedScriptLanguage;
import org.scijava.script.ScriptLanguage;

/** BeanShell as a SciJava script language, for the scripting test: Fiji's BeanShell support adapts the same engine. */
@Plugin(type = ScriptLanguage.class, name = "BeanShell")
public class BeanShellLanguage extends AdaptedScriptLanguage {

    public BeanShellLanguage() {
        super(new BshScriptEngineFactory());
    }
}
