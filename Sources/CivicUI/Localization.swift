import CGtk
import CivicCore
import CivicServices
import Foundation

/// Every user-visible string of the window goes through gettext under this domain, so English
/// and other catalogs can follow; the source strings are Traditional Chinese.
public let gettextDomain = "civicdesk"

/// The translation of `text` in the user's language (the text itself when there is none).
public func tr(_ text: String) -> String {
    text.withCString { source in
        // Without a translation gettext hands back its argument, which is only valid here.
        guard let translated = g_dgettext(gettextDomain, source), translated != source else { return text }
        return String(cString: translated)
    }
}

/// A Core message in the user's language: a catalog's translation of its Chinese text when
/// there is one, else its Chinese or English text as the locale asks.
public func tr(_ message: UserMessage) -> String {
    let translated = tr(message.zh)
    return translated != message.zh ? translated : message.text(forLocale: messageLocale)
}

/// Where compiled catalogs are looked for: `CIVICDESK_LOCALEDIR`, else the `share/locale` beside
/// the executable (`InstalledFiles`).
@MainActor
func bindTranslations() {
    bindtextdomain(gettextDomain, InstalledFiles().locale.path)
    bind_textdomain_codeset(gettextDomain, "UTF-8")
}

/// The locale the user reads messages in, for Core's two-language messages.
var messageLocale: String {
    let environment = ProcessInfo.processInfo.environment
    return environment["LANGUAGE"] ?? environment["LC_ALL"] ?? environment["LC_MESSAGES"] ?? environment["LANG"] ?? "zh_TW"
}
