import FluentKit
import SQLKit
import Vapor

extension Request {
    /// The request's database as SQLKit sees it; both drivers Sharaka runs on are SQL ones.
    var sql: any SQLDatabase { db as! any SQLDatabase }
}
