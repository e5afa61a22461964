import Testing
@testable import FigureStore
