import Core
import Foundation
import Testing

@Suite("Version and size catalogs")
struct CatalogTests {
    let catalog = KubernetesVersionCatalog.standard
    let today = ISO8601DateFormatter().date(from: "2026-11-25T00:00:00Z")!

    @Test("an empty version means the default minor's latest patch")
    func defaultVersion() throws {
        #expect(try catalog.resolve("", at: today, target: "v") == "1.34.2")
        #expect(try catalog.resolve("1.33", at: today, target: "v") == "1.33.5")
        #expect(try catalog.resolve("1.35.0", at: today, target: "v") == "1.35.0")
    }

    @Test("versions outside the support window are refused with the supported list (N9)")
    func supportWindow() {
        #expect(throws: ServiceError.self) { try catalog.resolve("1.32", at: today, target: "v") }
        let later = today.addingTimeInterval(365 * 86_400)
        #expect(throws: ServiceError.self) { try catalog.resolve("1.33", at: later, target: "v") }
        #expect(throws: ServiceError.self) { try catalog.resolve("1.34.9", at: today, target: "v") }
    }

    @Test("upgrades go to later patches of the same minor or the next minor only")
    func upgrades() {
        let upgrades = catalog.upgrades(from: "1.33.3", at: today)
        #expect(upgrades.contains("1.33.5"))
        #expect(upgrades.contains("1.34.2"))
        #expect(!upgrades.contains { $0.hasPrefix("1.35") })
    }

    @Test("VM sizes resolve case-insensitively; unknown sizes list the allowed ones")
    func sizes() throws {
        #expect(try VMSizeCatalog.standard.resolve("standard_ds2_v2", target: "vmSize").name == "Standard_DS2_v2")
        #expect(try VMSizeCatalog.standard.resolve("", target: "vmSize").name == VMSizeCatalog.standard.defaultSize)
        do {
            _ = try VMSizeCatalog.standard.resolve("Huge", target: "p.vmSize")
            Issue.record("expected an error")
        } catch {
            guard case .invalidParameter(let target, let message) = error else { Issue.record("wrong error \(error)"); return }
            #expect(target == "p.vmSize")
            #expect(message.contains("Standard_D4s_v5"))
        }
    }
}
