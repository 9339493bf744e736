import Foundation
import Logging
import NIOConcurrencyHelpers
@testable import SharakaApp
import Testing

@Suite struct LoggingTests {
    @Test func jsonLinesCarryLevelMessageAndMetadata() throws {
        let lines = NIOLockedValueBox<[String]>([])
        var handler = JSONLogHandler(label: "test")
        handler.write = { line in lines.withLockedValue { $0.append(line) } }
        handler[metadataKey: "request-id"] = "abc-123"
        let logger = Logger(label: "test", factory: { _ in handler })
        logger.info("request", metadata: ["path": "/ar/", "status": "200"])
        logger.debug("hidden below info")

        let written = lines.withLockedValue { $0 }
        #expect(written.count == 1)
        let object = try JSONSerialization.jsonObject(with: Data(written[0].utf8)) as! [String: String]
        #expect(object["level"] == "info" && object["msg"] == "request")
        #expect(object["request-id"] == "abc-123" && object["path"] == "/ar/" && object["status"] == "200")
        #expect(object["ts"] != nil)
    }
}
