import Testing
@testable import SoLieu
