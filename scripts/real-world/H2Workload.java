import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A SQL workload on the H2 database for scripts/real-world.sh: create tables, insert 100,000
 * orders (and their customers and products), build indexes, then query with joins and
 * aggregates, update, delete and query again. Every query is ordered, and the data come from a
 * fixed linear congruential generator, so two runs print the same text: the script compares the
 * output of a run under the agent with a plain one.
 * Usage: java -cp h2.jar:. H2Workload [orders]   (default 100000)
 */
public final class H2Workload {
    private static final String[] REGIONS = {"north", "south", "east", "west", "centre"};
    private static final String[] CATEGORIES = {"books", "tools", "garden", "toys", "music", "food", "sport"};
    private static long seed = 20_240_501L;

    private H2Workload() {
    }

    /** The next value of a 48-bit LCG (java.util.Random's constants), in [0, bound). */
    private static int next(int bound) {
        seed = (seed * 0x5DEECE66DL + 0xBL) & ((1L << 48) - 1);
        return (int) ((seed >>> 17) % bound);
    }

    public static void main(String[] args) throws SQLException {
        int orders = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        try (Connection c = DriverManager.getConnection("jdbc:h2:mem:realworld;DB_CLOSE_DELAY=0", "sa", "")) {
            create(c);
            insert(c, orders);
            index(c);
            report(c, "after insert");
            change(c);
            report(c, "after update and delete");
        }
    }

    private static void create(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TABLE customer(id INT PRIMARY KEY, name VARCHAR(40), region VARCHAR(10))");
            s.execute("CREATE TABLE product(id INT PRIMARY KEY, name VARCHAR(40), category VARCHAR(10),"
                    + " price DECIMAL(10,2))");
            s.execute("CREATE TABLE orders(id INT PRIMARY KEY, customer_id INT REFERENCES customer(id),"
                    + " product_id INT REFERENCES product(id), quantity INT, order_day INT, status VARCHAR(10))");
        }
    }

    private static void insert(Connection c, int orders) throws SQLException {
        c.setAutoCommit(false);
        int customers = Math.max(10, orders / 50);
        int products = Math.max(10, orders / 200);
        try (PreparedStatement p = c.prepareStatement("INSERT INTO customer VALUES(?, ?, ?)")) {
            for (int i = 1; i <= customers; i++) {
                p.setInt(1, i);
                p.setString(2, "customer-" + i);
                p.setString(3, REGIONS[next(REGIONS.length)]);
                p.addBatch();
            }
            p.executeBatch();
        }
        try (PreparedStatement p = c.prepareStatement("INSERT INTO product VALUES(?, ?, ?, ?)")) {
            for (int i = 1; i <= products; i++) {
                p.setInt(1, i);
                p.setString(2, "product-" + i);
                p.setString(3, CATEGORIES[next(CATEGORIES.length)]);
                p.setBigDecimal(4, java.math.BigDecimal.valueOf(100 + next(99_900), 2));
                p.addBatch();
            }
            p.executeBatch();
        }
        try (PreparedStatement p = c.prepareStatement("INSERT INTO orders VALUES(?, ?, ?, ?, ?, ?)")) {
            for (int i = 1; i <= orders; i++) {
                p.setInt(1, i);
                p.setInt(2, 1 + next(customers));
                p.setInt(3, 1 + next(products));
                p.setInt(4, 1 + next(9));
                p.setInt(5, next(365));
                p.setString(6, next(10) == 0 ? "returned" : "shipped");
                p.addBatch();
                if (i % 1000 == 0) {
                    p.executeBatch();
                }
            }
            p.executeBatch();
        }
        c.commit();
        c.setAutoCommit(true);
    }

    private static void index(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("CREATE INDEX orders_customer ON orders(customer_id)");
            s.execute("CREATE INDEX orders_product ON orders(product_id)");
            s.execute("CREATE INDEX orders_day ON orders(order_day, status)");
            s.execute("CREATE INDEX customer_region ON customer(region)");
        }
    }

    private static void change(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            print("updated prices", s.executeUpdate(
                    "UPDATE product SET price = price * 1.10 WHERE category IN ('books', 'music')"));
            print("updated orders", s.executeUpdate(
                    "UPDATE orders SET status = 'late' WHERE order_day > 300 AND status = 'shipped'"));
            print("updated quantities", s.executeUpdate(
                    "UPDATE orders SET quantity = quantity + 1 WHERE customer_id IN"
                            + " (SELECT id FROM customer WHERE region = 'east')"));
            print("deleted orders", s.executeUpdate("DELETE FROM orders WHERE status = 'returned'"));
            print("deleted orders of closed accounts", s.executeUpdate(
                    "DELETE FROM orders WHERE customer_id IN"
                            + " (SELECT id FROM customer WHERE region = 'centre' AND MOD(id, 4) = 0)"));
            print("deleted customers", s.executeUpdate(
                    "DELETE FROM customer c WHERE NOT EXISTS (SELECT 1 FROM orders o WHERE o.customer_id = c.id)"));
        }
    }

    private static void report(Connection c, String when) throws SQLException {
        System.out.println("== " + when);
        query(c, "SELECT COUNT(*), SUM(quantity), MIN(order_day), MAX(order_day) FROM orders");
        query(c, "SELECT status, COUNT(*), SUM(quantity) FROM orders GROUP BY status ORDER BY status");
        query(c, "SELECT c.region, COUNT(*), SUM(o.quantity * p.price) FROM orders o"
                + " JOIN customer c ON c.id = o.customer_id JOIN product p ON p.id = o.product_id"
                + " GROUP BY c.region ORDER BY c.region");
        query(c, "SELECT p.category, COUNT(DISTINCT o.customer_id), AVG(p.price) FROM product p"
                + " LEFT JOIN orders o ON o.product_id = p.id GROUP BY p.category ORDER BY p.category");
        query(c, "SELECT c.id, c.name, SUM(o.quantity * p.price) AS total FROM customer c"
                + " JOIN orders o ON o.customer_id = c.id JOIN product p ON p.id = o.product_id"
                + " GROUP BY c.id, c.name ORDER BY total DESC, c.id LIMIT 10");
        query(c, "SELECT order_day, COUNT(*) FROM orders WHERE order_day BETWEEN 100 AND 104 GROUP BY order_day ORDER BY order_day");
        query(c, "SELECT o.id, c.name, p.name, o.quantity FROM orders o JOIN customer c ON c.id = o.customer_id"
                + " JOIN product p ON p.id = o.product_id WHERE o.customer_id = 7 ORDER BY o.id");
        query(c, "SELECT COUNT(*) FROM customer c WHERE NOT EXISTS (SELECT 1 FROM orders o WHERE o.customer_id = c.id)");
    }

    private static void query(Connection c, String sql) throws SQLException {
        System.out.println("-- " + sql);
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            ResultSetMetaData meta = r.getMetaData();
            while (r.next()) {
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    row.append(i == 1 ? "" : " | ").append(r.getString(i));
                }
                System.out.println(row);
            }
        }
    }

    private static void print(String what, int count) {
        System.out.println(what + ": " + count);
    }
}
