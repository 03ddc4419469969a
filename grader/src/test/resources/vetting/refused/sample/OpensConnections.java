package sample;

import java.net.ServerSocket;
import java.net.Socket;
import java.net.URL;

public class OpensConnections {
  public void connect() throws Exception {
    Socket socket = new Socket("example.com", 80); // refused: network
    socket.close(); // refused: network
  }

  @SuppressWarnings("deprecation")
  public Object fetch() throws Exception {
    return new URL("http://example.com").openStream(); // refused: network, file-access-outside-nio
  }

  public Object http() {
    return java.net.http.HttpClient.newHttpClient(); // refused: network
  }

  public Object lookup() throws Exception {
    return new javax.naming.InitialContext().lookup("ldap://example.com/x"); // refused: network
  }

  public void listen() throws Exception {
    new ServerSocket(8080).close(); // refused: network
  }

  public Object inherited() throws Exception {
    return System.inheritedChannel(); // refused: network
  }
}
