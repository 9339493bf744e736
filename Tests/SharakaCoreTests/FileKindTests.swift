import SharakaCore
import Testing

@Suite struct FileKindTests {
    @Test func sniffsByContentNotName() {
        #expect(FileKind.sniff(Array("%PDF-1.7\n...".utf8), declaredName: "photo.png") == .pdf)
        #expect(FileKind.sniff([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0]) == .png)
        #expect(FileKind.sniff([0xFF, 0xD8, 0xFF, 0xE0]) == .jpeg)
        #expect(FileKind.sniff(Array("GIF89a....".utf8)) == .gif)
        #expect(FileKind.sniff(Array("RIFF\0\0\0\0WEBPVP8 ".utf8)) == .webp)
        #expect(FileKind.sniff([0x50, 0x4B, 0x03, 0x04] + Array("[Content_Types].xml".utf8)) == .officeDocument)
        #expect(FileKind.sniff([0x50, 0x4B, 0x03, 0x04, 1, 2, 3]) == .zip)
        #expect(FileKind.sniff(Array("a,b\n1,2\n".utf8), declaredName: "data.csv") == .csv)
        #expect(FileKind.sniff(Array("plain words".utf8)) == .plainText)
    }

    @Test func refusesMarkupAndBinaries() {
        #expect(FileKind.sniff(Array("<html><script>alert(1)</script>".utf8), declaredName: "x.pdf") == nil)
        #expect(FileKind.sniff(Array("<!DOCTYPE html>".utf8)) == nil)
        #expect(FileKind.sniff([0x7F, 0x45, 0x4C, 0x46, 0x02, 0x01, 0x00]) == nil) // ELF executable
        #expect(FileKind.sniff([]) == nil)
    }

    @Test func onlyInertKindsShowInline() {
        #expect(FileKind.pdf.isSafeInline)
        #expect(!FileKind.svg.isSafeInline)
        #expect(!FileKind.plainText.isSafeInline)
    }

    @Test func evidenceAcceptsLegacyAndOpenDocumentOfficeFiles() {
        let ole: [UInt8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + [UInt8](repeating: 0, count: 64)
        #expect(FileKind.sniff(ole) == .officeDocument)
        let odt = [0x50, 0x4B, 0x03, 0x04] + [UInt8](repeating: 0, count: 26) + Array("mimetypeapplication/vnd.oasis.opendocument.text".utf8)
        #expect(FileKind.sniff(odt) == .officeDocument)
        #expect(FileKind.pdf.isEvidence && FileKind.csv.isEvidence && FileKind.officeDocument.isEvidence)
        #expect(!FileKind.svg.isEvidence && !FileKind.zip.isEvidence && !FileKind.plainText.isEvidence)
    }
}
