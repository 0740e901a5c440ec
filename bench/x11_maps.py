"""Seeing top-level windows being mapped on an X server, with libX11 through ctypes.

A :class:`MapWatcher` connects to a display, selects ``SubstructureNotifyMask`` on
the root window and reads its events: with no window manager running, every
top-level window (and every override-redirect popup) is a child of the root, so its
mapping arrives as a ``MapNotify`` whose ``event`` is the root. The time stamp is
``time.perf_counter()`` when the event is read (the parent waits in ``select`` on
the connection, so that is as soon as the server sends it). After the event, the
window's ``_NET_WM_PID``, ``WM_CLASS``, name and size are read for the report; an X
error there (the window already gone) is ignored, not fatal (Xlib's default handler
would exit the process).

libX11 is on any machine where Qt's xcb platform runs (``libX11.so.6``); no Python
package is needed.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import select
import time
from dataclasses import dataclass

SUBSTRUCTURE_NOTIFY_MASK = 1 << 19
MAP_NOTIFY = 19
XA_CARDINAL = 6
ANY_PROPERTY_TYPE = 0


class XMapEvent(ctypes.Structure):
    _fields_ = [("type", ctypes.c_int), ("serial", ctypes.c_ulong),
                ("send_event", ctypes.c_int), ("display", ctypes.c_void_p),
                ("event", ctypes.c_ulong), ("window", ctypes.c_ulong),
                ("override_redirect", ctypes.c_int)]


class XEvent(ctypes.Union):
    _fields_ = [("type", ctypes.c_int), ("xmap", XMapEvent), ("pad", ctypes.c_long * 24)]


class XWindowAttributes(ctypes.Structure):
    _fields_ = [("x", ctypes.c_int), ("y", ctypes.c_int), ("width", ctypes.c_int),
                ("height", ctypes.c_int), ("border_width", ctypes.c_int),
                ("depth", ctypes.c_int), ("visual", ctypes.c_void_p),
                ("root", ctypes.c_ulong), ("class_", ctypes.c_int),
                ("bit_gravity", ctypes.c_int), ("win_gravity", ctypes.c_int),
                ("backing_store", ctypes.c_int), ("backing_planes", ctypes.c_ulong),
                ("backing_pixel", ctypes.c_ulong), ("save_under", ctypes.c_int),
                ("colormap", ctypes.c_ulong), ("map_installed", ctypes.c_int),
                ("map_state", ctypes.c_int), ("all_event_masks", ctypes.c_long),
                ("your_event_mask", ctypes.c_long),
                ("do_not_propagate_mask", ctypes.c_long),
                ("override_redirect", ctypes.c_int), ("screen", ctypes.c_void_p)]


class XClassHint(ctypes.Structure):
    _fields_ = [("res_name", ctypes.c_void_p), ("res_class", ctypes.c_void_p)]


ERROR_HANDLER = ctypes.CFUNCTYPE(ctypes.c_int, ctypes.c_void_p, ctypes.c_void_p)


def _ignore_error(_display: int | None, _event: int | None) -> int:
    return 0


_error_handler = ERROR_HANDLER(_ignore_error)  # kept alive for the process's life
_xlib: ctypes.CDLL | None = None


def xlib() -> ctypes.CDLL:
    """libX11 with the prototypes used here (OSError if it is not installed)."""
    global _xlib
    if _xlib is not None:
        return _xlib
    lib = ctypes.CDLL(ctypes.util.find_library("X11") or "libX11.so.6")
    lib.XOpenDisplay.restype = ctypes.c_void_p
    lib.XOpenDisplay.argtypes = [ctypes.c_char_p]
    lib.XDefaultRootWindow.restype = ctypes.c_ulong
    lib.XDefaultRootWindow.argtypes = [ctypes.c_void_p]
    lib.XSelectInput.argtypes = [ctypes.c_void_p, ctypes.c_ulong, ctypes.c_long]
    lib.XSync.argtypes = [ctypes.c_void_p, ctypes.c_int]
    lib.XPending.argtypes = [ctypes.c_void_p]
    lib.XConnectionNumber.argtypes = [ctypes.c_void_p]
    lib.XNextEvent.argtypes = [ctypes.c_void_p, ctypes.POINTER(XEvent)]
    lib.XCloseDisplay.argtypes = [ctypes.c_void_p]
    lib.XInternAtom.restype = ctypes.c_ulong
    lib.XInternAtom.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_int]
    lib.XGetWindowProperty.argtypes = [
        ctypes.c_void_p, ctypes.c_ulong, ctypes.c_ulong, ctypes.c_long, ctypes.c_long,
        ctypes.c_int, ctypes.c_ulong, ctypes.POINTER(ctypes.c_ulong),
        ctypes.POINTER(ctypes.c_int), ctypes.POINTER(ctypes.c_ulong),
        ctypes.POINTER(ctypes.c_ulong), ctypes.POINTER(ctypes.c_void_p)]
    lib.XFree.argtypes = [ctypes.c_void_p]
    lib.XFetchName.argtypes = [ctypes.c_void_p, ctypes.c_ulong,
                               ctypes.POINTER(ctypes.c_void_p)]
    lib.XGetClassHint.argtypes = [ctypes.c_void_p, ctypes.c_ulong,
                                  ctypes.POINTER(XClassHint)]
    lib.XGetWindowAttributes.argtypes = [ctypes.c_void_p, ctypes.c_ulong,
                                         ctypes.POINTER(XWindowAttributes)]
    lib.XSetErrorHandler.argtypes = [ERROR_HANDLER]
    lib.XSetErrorHandler.restype = ctypes.c_void_p
    lib.XSetErrorHandler(_error_handler)
    _xlib = lib
    return lib


@dataclass
class Mapped:
    """One MapNotify on the root: when it was read and what the window is."""

    at: float
    window: int
    override_redirect: bool
    pid: int | None = None
    name: str = ""
    wm_class: str = ""
    size: tuple[int, int] = (0, 0)

    def describe(self) -> dict:
        return {"name": self.name, "wm_class": self.wm_class,
                "size": f"{self.size[0]}x{self.size[1]}",
                "override_redirect": self.override_redirect,
                "has_net_wm_pid": self.pid is not None}


class MapWatcher:
    """MapNotify events of the root window's children on *display* (``":N"``)."""

    def __init__(self, display: str) -> None:
        self.x = xlib()
        self.dpy = self.x.XOpenDisplay(display.encode())
        if not self.dpy:
            raise OSError(f"cannot open display {display}")
        self.root = self.x.XDefaultRootWindow(self.dpy)
        self.x.XSelectInput(self.dpy, self.root, SUBSTRUCTURE_NOTIFY_MASK)
        self.x.XSync(self.dpy, 0)
        self.fd = self.x.XConnectionNumber(self.dpy)
        self.pid_atom = self.x.XInternAtom(self.dpy, b"_NET_WM_PID", 0)

    def close(self) -> None:
        if self.dpy:
            self.x.XCloseDisplay(self.dpy)
            self.dpy = None

    def drain(self) -> None:
        """Forget the events read so far (those of a previous child)."""
        self.x.XSync(self.dpy, 0)
        event = XEvent()
        while self.x.XPending(self.dpy):
            self.x.XNextEvent(self.dpy, ctypes.byref(event))

    def next_map(self, deadline: float, *, describe: bool = True) -> Mapped | None:
        """The next MapNotify of a child of the root, or None at *deadline*
        (``perf_counter`` time)."""
        event = XEvent()
        while True:
            while self.x.XPending(self.dpy):
                self.x.XNextEvent(self.dpy, ctypes.byref(event))
                if event.type == MAP_NOTIFY and event.xmap.event == self.root:
                    found = Mapped(time.perf_counter(), event.xmap.window,
                                   bool(event.xmap.override_redirect))
                    if describe:
                        self._describe(found)
                    return found
            left = deadline - time.perf_counter()
            if left <= 0:
                return None
            select.select([self.fd], [], [], left)

    def _describe(self, found: Mapped) -> None:
        x, dpy, window = self.x, self.dpy, found.window
        kind, fmt = ctypes.c_ulong(), ctypes.c_int()
        count, after, data = ctypes.c_ulong(), ctypes.c_ulong(), ctypes.c_void_p()
        if x.XGetWindowProperty(dpy, window, self.pid_atom, 0, 1, 0, XA_CARDINAL,
                                ctypes.byref(kind), ctypes.byref(fmt), ctypes.byref(count),
                                ctypes.byref(after), ctypes.byref(data)) == 0 and data:
            if count.value == 1 and fmt.value == 32:
                found.pid = ctypes.cast(data, ctypes.POINTER(ctypes.c_ulong))[0]
            x.XFree(data)
        name = ctypes.c_void_p()
        if x.XFetchName(dpy, window, ctypes.byref(name)) and name.value:
            found.name = ctypes.string_at(name.value).decode("utf-8", "replace")
            x.XFree(name)
        hint = XClassHint()
        if x.XGetClassHint(dpy, window, ctypes.byref(hint)):
            parts = (hint.res_name, hint.res_class)
            found.wm_class = ".".join(ctypes.string_at(p).decode("utf-8", "replace")
                                      if p else "" for p in parts)
            for pointer in parts:
                if pointer:
                    x.XFree(pointer)
        attributes = XWindowAttributes()
        if x.XGetWindowAttributes(dpy, window, ctypes.byref(attributes)):
            found.size = (attributes.width, attributes.height)
