#define LOG(fmt, ...) log_impl(fmt __VA_OPT__(, __VA_ARGS__)
#define BAD(fmt, ...) log_impl(fmt __VA_OPT__(, __VA_ARGS__ /* ERROR */

int log_impl(const char *fmt, ...);
