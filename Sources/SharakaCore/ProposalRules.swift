import Foundation

/// The OGP values a proposal serves.
public enum OGPValue: String, CaseIterable, Sendable, Codable {
    case accessToInformation = "access_to_information"
    case civicParticipation = "civic_participation"
    case publicAccountability = "public_accountability"
    case technologyInnovation = "technology_innovation"
}

/// Themes of the regional plan.
public enum ProposalTheme: String, CaseIterable, Sendable, Codable {
    case fiscalTransparency = "fiscal_transparency"
    case publicServices = "public_services"
    case antiCorruption = "anti_corruption"
    case accessToJustice = "access_to_justice"
    case environment
    case openData = "open_data"
    case other
}

public enum ProposalStatus: String, CaseIterable, Sendable, Codable {
    case published, withdrawn
}

/// Limits on proposals and when their author may still change them.
public enum ProposalRules {
    public static let titleLength = 10...150
    public static let bodyLength = 15...5000

    public static func checkTitle(_ s: String) -> FieldProblem? { AccountRules.checkText(s, length: titleLength) }
    public static func checkBody(_ s: String) -> FieldProblem? { AccountRules.checkText(s, length: bodyLength) }

    /// Whether the author may still rewrite the proposal (`ProposalEditing` says why not).
    public static func authorMayEdit(status: ProposalStatus, supports: Int, comments: Int, answered: Bool = false, included: Bool = false) -> Bool {
        ProposalEditing.refusal(.init(status: status, supports: supports, comments: comments, answered: answered, included: included)) == nil
    }
}

/// When a proposal's author may still rewrite it. The text people supported or commented on,
/// the text the administration answered, the text a commitment took up must stay as it was:
/// otherwise an answer or a commitment would point at words nobody proposed.
public enum ProposalEditing {
    public struct Facts: Sendable, Equatable {
        public var status: ProposalStatus
        public var supports: Int
        public var comments: Int
        /// The administration has given a decision (a holding note "under evaluation" is not one).
        public var answered: Bool
        /// A commitment of an action plan names it.
        public var included: Bool

        public init(status: ProposalStatus, supports: Int, comments: Int, answered: Bool, included: Bool) {
            self.status = status; self.supports = supports; self.comments = comments; self.answered = answered; self.included = included
        }
    }

    public enum Refusal: Error, Sendable, Equatable { case withdrawn, reactedTo, answered, included }

    public static func refusal(_ f: Facts) -> Refusal? {
        if f.status != .published { return .withdrawn }
        if f.included { return .included }
        if f.answered { return .answered }
        if f.supports > 0 || f.comments > 0 { return .reactedTo }
        return nil
    }
}

/// Plain text as typed, cut into runs of text and web links, so that pages can make
/// links clickable while everything else stays text.
public enum LinkedText {
    public enum Segment: Equatable, Sendable {
        case text(String)
        case link(String)
        case lineBreak
    }

    public static func segments(_ input: String) -> [Segment] {
        var out: [Segment] = []
        let unified = input.utf8.contains(13) ? input.replacingOccurrences(of: "\r\n", with: "\n") : input
        let lines = unified.split(separator: "\n", omittingEmptySubsequences: false)
        for (i, line) in lines.enumerated() {
            if i > 0 { out.append(.lineBreak) }
            var rest = Substring(line)
            while let range = firstLink(in: rest) {
                if range.lowerBound > rest.startIndex { out.append(.text(String(rest[rest.startIndex..<range.lowerBound]))) }
                var url = String(rest[range])
                // Sentence punctuation right after a link belongs to the sentence.
                var trailing = ""
                while let last = url.last, ".,;:!?)]»،؛".contains(last) { trailing = String(last) + trailing; url.removeLast() }
                out.append(.link(url))
                if !trailing.isEmpty { out.append(.text(trailing)) }
                rest = rest[range.upperBound...]
            }
            if !rest.isEmpty { out.append(.text(String(rest))) }
        }
        return out
    }

    private static func firstLink(in s: Substring) -> Range<Substring.Index>? {
        var search = s.startIndex
        while search < s.endIndex {
            let candidates = ["https://", "http://"].compactMap { s[search...].range(of: $0) }
            guard let start = candidates.min(by: { $0.lowerBound < $1.lowerBound }) else { return nil }
            var end = start.upperBound
            while end < s.endIndex, !s[end].isWhitespace, !"<>\"'".contains(s[end]) { end = s.index(after: end) }
            if end > start.upperBound { return start.lowerBound..<end }
            search = start.upperBound
        }
        return nil
    }
}
