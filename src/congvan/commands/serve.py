"""congvan serve [--host 127.0.0.1] [--port 8000] [--workers N] [--template-dir DIR] [--image-dir DIR]
[--profile-dir DIR]"""

from __future__ import annotations

import argparse
import os
import socket
import sys

ORDER = 80
MISSING = ("Lệnh serve cần gói bổ sung: pip install 'congvan[server]'"
           " / the serve command needs the server extra: pip install 'congvan[server]'")


def add_parser(sub) -> None:
    s = sub.add_parser("serve", help="chạy dịch vụ HTTP cho hệ thống e-office / run the HTTP service",
                       description="Dịch vụ HTTP: biểu mẫu JSON → DOCX/PDF, kiểm tra biểu mẫu và tệp DOCX, trang web"
                                   " soạn thảo tại / . The HTTP service and the clerk's web page.")
    s.add_argument("--host", default="127.0.0.1", help="địa chỉ lắng nghe (mặc định 127.0.0.1) / listen address")
    s.add_argument("--port", type=int, default=8000, help="cổng (mặc định 8000) / port")
    s.add_argument("--workers", type=int, default=1, help="số tiến trình phục vụ / worker processes")
    s.add_argument("--template-dir", help="thư mục mẫu DOCX khách được chọn bằng ?template=TÊN"
                                          " / directory of DOCX templates clients may name")
    s.add_argument("--image-dir", help="thư mục ảnh chữ ký, dấu; biểu mẫu ghi tên tệp trong đó (anh_chu_ky: ky.png)"
                                       " / folder of signature and seal images that forms may name by relative path")
    s.add_argument("--profile-dir", help="thư mục hồ sơ cơ quan; biểu mẫu chọn bằng tên (ho_so: so-tai-chinh)"
                                         " / folder of agency profiles that forms name (ho_so: NAME)")
    s.add_argument("--max-request-kb", type=int, default=None, help="giới hạn cỡ yêu cầu, KB / request size limit")
    s.add_argument("--max-blocks", type=int, default=None, help="số khối nội dung tối đa / most body blocks")
    s.add_argument("--render-timeout", type=float, default=None, help="giây chờ tạo DOCX / DOCX timeout, s")
    s.add_argument("--pdf-timeout", type=float, default=None, help="giây chờ tạo PDF / PDF timeout, s")
    s.add_argument("--threads", type=int, default=None, help="luồng tạo văn bản mỗi tiến trình / render threads")
    s.add_argument("--queue", type=int, default=None, help="yêu cầu được chờ thêm trước khi báo bận (503)"
                                                           " / requests queued before 503")
    s.add_argument("--allow-remote", action="store_true",
                   help="cho phép lắng nghe ngoài máy này (0.0.0.0, địa chỉ mạng): dịch vụ KHÔNG có xác thực, hãy đặt sau"
                        " proxy có TLS và đăng nhập (docs/service.md) / listen beyond loopback: the service has NO"
                        " authentication; put it behind a proxy with TLS and auth")
    s.add_argument("--allowed-host", action="append", default=None, metavar="TÊN",
                   help="tên máy (Host) được phục vụ, lặp lại được; mặc định localhost, 127.0.0.1, ::1; '*': mọi tên"
                        " / Host names served (repeatable; default the loopback names; '*': any)")
    s.add_argument("--worker-memory-mb", type=int, default=None, help="bộ nhớ tối đa mỗi tiến trình xử lý, MB"
                   " / address space per worker process, MB")
    s.add_argument("--body-timeout", type=float, default=None, help="giây khách được gửi hết nội dung"
                   " / seconds a client has to send its body")
    s.add_argument("--max-connections", type=int, default=None, help="số kết nối đồng thời tối đa"
                   " / most concurrent connections")
    s.add_argument("--log-level", default="info", choices=["critical", "error", "warning", "info", "debug"])
    s.set_defaults(func=run)


def settings_from(args: argparse.Namespace):
    from ..server.settings import Settings

    chosen = {"template_dir": args.template_dir, "image_dir": args.image_dir, "profile_dir": args.profile_dir,
              "max_blocks": args.max_blocks,
              "render_timeout_s": args.render_timeout, "pdf_timeout_s": args.pdf_timeout,
              "pool_threads": args.threads, "pool_queue": args.queue,
              "max_request_bytes": args.max_request_kb * 1024 if args.max_request_kb else None,
              "worker_memory_mb": args.worker_memory_mb, "body_timeout_s": args.body_timeout,
              "max_connections": args.max_connections,
              "allowed_hosts": tuple(args.allowed_host) if args.allowed_host else None}
    return Settings(**{k: v for k, v in chosen.items() if v is not None})


def run(args: argparse.Namespace) -> int:
    try:
        import fastapi  # noqa: F401
        import uvicorn
    except ImportError:
        print(MISSING, file=sys.stderr)
        return 1
    from ..server.guard import uvicorn_options
    from ..server.settings import ENV_VAR

    try:
        settings = settings_from(args)
    except ValueError as exc:
        print(f"Tùy chọn không hợp lệ / invalid option: {exc}", file=sys.stderr)
        return 2
    folders = ((settings.template_dir, "mẫu", "template"), (settings.image_dir, "ảnh", "image"),
               (settings.profile_dir, "hồ sơ cơ quan", "profile"))
    for folder, vi, en in folders:  # the operator's folders: named, never guessed
        if folder is not None and not folder.is_dir():
            print(f"Không có thư mục {vi} {folder} / no {en} directory {folder}", file=sys.stderr)
            return 2
    if args.workers < 1:
        print("--workers phải từ 1 trở lên / --workers must be at least 1", file=sys.stderr)
        return 2
    if not remote_allowed(args):
        return 2
    # Every worker process builds its own app from the same settings.
    os.environ[ENV_VAR] = settings.to_json()
    config = uvicorn.Config("congvan.server.app:app_from_env", factory=True, host=args.host, port=args.port,
                            workers=args.workers, log_level=args.log_level, server_header=False,
                            timeout_graceful_shutdown=10, **uvicorn_options(settings))
    from ._common import say

    say(f"congvan: http://{args.host}:{args.port}/ (Ctrl+C để dừng / to stop)", file=sys.stderr)
    return _serve(config)


def remote_allowed(args: argparse.Namespace) -> bool:
    """Beyond loopback only on purpose: the service has no authentication of its own."""
    from ..server.guard import is_loopback

    if is_loopback(args.host):
        return True
    if not args.allow_remote:
        print(f"Từ chối lắng nghe trên {args.host}: dịch vụ không có xác thực. Hãy chạy trên 127.0.0.1 sau một proxy có"
              " TLS và đăng nhập (docs/service.md), hoặc thêm --allow-remote nếu đã có lớp xác thực phía trước"
              f" / refusing to listen on {args.host}: the service has no authentication. Run it on 127.0.0.1 behind a"
              " proxy with TLS and auth (docs/service.md), or add --allow-remote if such a layer is in front",
              file=sys.stderr)
        return False
    names = ", ".join(args.allowed_host or ["localhost", "127.0.0.1", "::1"])
    print("!" * 78 + f"\nCẢNH BÁO / WARNING: congvan lắng nghe trên {args.host} KHÔNG có xác thực: ai tới được cổng"
          f" {args.port} cũng dùng được dịch vụ / listening on {args.host} with NO authentication: anyone who reaches"
          f" port {args.port} can use the service.\nTên máy được phục vụ / Host names served: {names}"
          " (--allowed-host)\n" + "!" * 78, file=sys.stderr)
    return True


def _serve(config) -> int:
    import uvicorn
    from uvicorn.supervisors import Multiprocess

    try:
        if config.workers > 1:
            Multiprocess(config, sockets=[_tcp_listener(config)]).run()
            return 0
        server = uvicorn.Server(config)
        server.run()
    except KeyboardInterrupt:
        return 0
    return 0 if server.started else 1


def _tcp_listener(config) -> socket.socket:
    """uvicorn's shared listening socket, marked as TCP.

    uvicorn binds it with proto 0; connections accepted from it inherit that,
    and asyncio turns on TCP_NODELAY only for IPPROTO_TCP, so every keep-alive
    request after the first waited ~40 ms for a delayed ACK (uvicorn issue
    #3149; measured here: 44 ms instead of 3 ms per request with 2 workers).
    """
    sock = config.bind_socket()
    if sock.family in (socket.AF_INET, socket.AF_INET6) and sock.proto != socket.IPPROTO_TCP:
        sock = socket.socket(sock.family, socket.SOCK_STREAM, socket.IPPROTO_TCP, fileno=sock.detach())
        sock.set_inheritable(True)
    return sock
