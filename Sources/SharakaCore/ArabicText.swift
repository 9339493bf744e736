/// Arabic normalisation applied identically when indexing and when querying,
/// so that a search for "الاداره" finds "الإدارة" whatever spelling the writer chose.
public enum ArabicText {
    public static func normalised(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x064B...0x065F, 0x0670, 0x06D6...0x06ED: continue // harakat, dagger alif, Quranic marks
            case 0x0640: continue                                   // tatweel
            case 0x0623, 0x0625, 0x0622, 0x0671: out.append("ا")
            case 0x0649: out.append("ي")
            case 0x0629: out.append("ه")
            case 0x0624: out.append("و")
            case 0x0626: out.append("ي")
            case 0x0660...0x0669: out.append(Unicode.Scalar(scalar.value - 0x0660 + 0x30)!) // ٠-٩
            case 0x06F0...0x06F9: out.append(Unicode.Scalar(scalar.value - 0x06F0 + 0x30)!) // ۰-۹
            default: out.append(scalar)
            }
        }
        return String(out)
    }

    /// Only the digits made Western (٠-٩, ۰-۹ → 0-9): for numbers people type.
    public static func westernDigits(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x0660...0x0669: out.append(Unicode.Scalar(scalar.value - 0x0660 + 0x30)!)
            case 0x06F0...0x06F9: out.append(Unicode.Scalar(scalar.value - 0x06F0 + 0x30)!)
            default: out.append(scalar)
            }
        }
        return String(out)
    }
}
