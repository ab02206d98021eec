import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.ContinuationWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;
import java.net.InetSocketAddress;
import java.security.MessageDigest;

/**
 * A Netty WebSocket server for the interop tests, on 127.0.0.1 at a free port (printed as "READY port").
 * Argument: the per-frame limit, or "default" for Netty's own (maxFramePayloadLength 65536).
 * Each whole message is answered with a text report: {"bytes":N,"frames":F,"largestFrame":L,"sha256":"..."}.
 */
public final class NettyPeer {
    public static void main(String[] args) throws Exception {
        final String limit = args.length > 0 ? args[0] : "default";
        EventLoopGroup group = new NioEventLoopGroup(1);
        try {
            ServerBootstrap bootstrap = new ServerBootstrap()
                .group(group)
                .channel(NioServerSocketChannel.class)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel channel) {
                        WebSocketServerProtocolHandler webSocket = limit.equals("default")
                            ? new WebSocketServerProtocolHandler("/ws")
                            : new WebSocketServerProtocolHandler("/ws", null, false, Integer.parseInt(limit));
                        channel.pipeline().addLast(new HttpServerCodec(), new HttpObjectAggregator(65536), webSocket, new MessageReporter());
                    }
                });
            Channel server = bootstrap.bind("127.0.0.1", 0).sync().channel();
            System.out.println("READY " + ((InetSocketAddress) server.localAddress()).getPort());
            System.out.flush();
            server.closeFuture().sync();
        } finally {
            group.shutdownGracefully();
        }
    }

    /** Reassembles each message itself, so it can count the frames it came in. */
    private static final class MessageReporter extends SimpleChannelInboundHandler<WebSocketFrame> {
        private MessageDigest digest;
        private long bytes;
        private int frames;
        private int largestFrame;

        @Override
        protected void channelRead0(ChannelHandlerContext context, WebSocketFrame frame) throws Exception {
            if (!(frame instanceof TextWebSocketFrame || frame instanceof BinaryWebSocketFrame || frame instanceof ContinuationWebSocketFrame)) {
                return;
            }
            if (!(frame instanceof ContinuationWebSocketFrame)) {
                digest = MessageDigest.getInstance("SHA-256");
                bytes = 0;
                frames = 0;
                largestFrame = 0;
            }
            ByteBuf content = frame.content();
            int length = content.readableBytes();
            byte[] data = new byte[length];
            content.readBytes(data);
            digest.update(data);
            bytes += length;
            frames++;
            largestFrame = Math.max(largestFrame, length);
            if (frame.isFinalFragment()) {
                StringBuilder hex = new StringBuilder();
                for (byte b : digest.digest()) {
                    hex.append(String.format("%02x", b));
                }
                context.writeAndFlush(new TextWebSocketFrame(String.format(
                    "{\"bytes\":%d,\"frames\":%d,\"largestFrame\":%d,\"sha256\":\"%s\"}", bytes, frames, largestFrame, hex)));
            }
        }
    }
}
